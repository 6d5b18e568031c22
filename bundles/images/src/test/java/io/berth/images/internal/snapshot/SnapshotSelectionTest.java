package io.berth.images.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.images.internal.testing.FileListing;
import io.berth.nativeio.ErrnoException;

/** Which kind of snapshot new containers get: overlays only with root, native mounts and a working probe. */
class SnapshotSelectionTest {

    @TempDir
    Path tmp;

    private final FakeMounts mounts = new FakeMounts();

    @Test
    void withoutNativeMountsSnapshotsAreCopies() {
        OverlaySupport overlays = new OverlaySupport(m -> null);
        assertThat(overlays.forNewSnapshots()).isNull();
        assertThat(overlays.mounts()).isNull();
        assertThat(overlays.problem()).isEqualTo("native mounts (bundle berth-native) are not available");
    }

    @Test
    void aSuccessfulProbeSelectsOverlays() {
        OverlaySupport overlays = new OverlaySupport(m -> null);
        overlays.bind(mounts);
        assertThat(overlays.forNewSnapshots()).isSameAs(mounts);
        assertThat(overlays.problem()).isNull();
    }

    @Test
    void aFailedProbeSelectsCopiesButKeepsTheServiceForExistingOverlays() {
        OverlaySupport overlays = new OverlaySupport(m -> "no overlay here");
        overlays.bind(mounts);
        assertThat(overlays.forNewSnapshots()).isNull();
        assertThat(overlays.mounts()).isSameAs(mounts);
        assertThat(overlays.problem()).isEqualTo("no overlay here");
    }

    @Test
    void bindingDoesNotWaitForTheProbeButTheChoiceDoes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OverlaySupport overlays = new OverlaySupport(m -> {
            awaitQuietly(release);
            return null;
        });
        overlays.bind(mounts);
        CompletableFuture<Object> choice = CompletableFuture.supplyAsync(overlays::forNewSnapshots);
        Thread.sleep(100);
        assertThat(choice).as("the choice waits for the probe").isNotDone();
        release.countDown();
        assertThat(choice.get(10, TimeUnit.SECONDS)).isSameAs(mounts);
    }

    @Test
    void aProbeThatThrowsSelectsCopiesWithItsReason() {
        OverlaySupport overlays = new OverlaySupport(m -> {
            throw new IllegalStateException("probe broke");
        });
        overlays.bind(mounts);
        assertThat(overlays.forNewSnapshots()).isNull();
        assertThat(overlays.problem()).contains("the overlay probe failed").contains("probe broke");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void unbindingFallsBackToCopiesUnlessAnotherServiceWasBoundSince() {
        OverlaySupport overlays = new OverlaySupport(m -> null);
        FakeMounts replacement = new FakeMounts();
        overlays.bind(mounts);
        overlays.bind(replacement);
        overlays.unbind(mounts);
        assertThat(overlays.forNewSnapshots()).isSameAs(replacement);
        overlays.unbind(replacement);
        assertThat(overlays.forNewSnapshots()).isNull();
    }

    @Test
    void theProbeRefusesWithoutRootAndMountsNothing() {
        OverlayProbe probe = new OverlayProbe(tmp, List.of(), false);
        assertThat(probe.problem(mounts)).isEqualTo("overlay mounts need root");
        assertThat(mounts.calls).isEmpty();
    }

    @Test
    void theProbeRefusesStorePathsThatOptionsCannotCarry() throws IOException {
        Path odd = Files.createDirectory(tmp.resolve("a:b"));
        assertThat(new OverlayProbe(odd, List.of(), true).problem(mounts))
                .contains("overlay mount options cannot carry");
        assertThat(new OverlayProbe(tmp, List.of(odd), true).problem(mounts)).contains("a:b");
        assertThat(mounts.calls).isEmpty();
    }

    @Test
    void theProbeReportsAFailedMountAndCleansUp() {
        mounts.mountFailure = new ErrnoException("mount overlay: No such device", 19);
        String problem = new OverlayProbe(tmp, List.of(), true).problem(mounts);
        assertThat(problem).isEqualTo("a test overlay mount failed: mount overlay: No such device");
        assertThat(mounts.calls).singleElement().asString().startsWith("mount overlay overlay " + tmp)
                .contains("lowerdir=" + tmp);
        assertThat(FileListing.of(tmp)).containsExactly("");
    }

    @Test
    void theProbeNoticesAMountThatDoesNotLayer() {
        // the fake "mounts" nothing: the lower file never shows in merged
        assertThat(new OverlayProbe(tmp, List.of(), true).problem(mounts))
                .isEqualTo("a test overlay mount did not layer its directories");
        assertThat(mounts.mounted).isEmpty();
        assertThat(FileListing.of(tmp)).containsExactly("");
    }
}
