package io.berth.images.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.berth.api.error.BerthException;
import io.berth.common.host.MountTable;
import io.berth.nativeio.Mounts;

class OverlayMounterTest {

    private static final Path MERGED = Path.of("/snapshots/c1/merged");

    private final FakeMounts mounts = new FakeMounts();
    private final AtomicInteger tableReads = new AtomicInteger();
    private final OverlaySupport overlays = new OverlaySupport(m -> null);

    private OverlayMounter mounter(Predicate<Path> mounted) {
        overlays.bind(mounts);
        return new OverlayMounter(overlays, path -> {
            tableReads.incrementAndGet();
            return mounted.test(path);
        });
    }

    @Test
    void anUnmountReadsTheMountTableOnceBeforeAndOnceAfter() throws IOException {
        OverlayMounter mounter = mounter(mounts::isMounted);
        mounter.mount("c1", MERGED, "lowerdir=/l");

        mounter.unmount("c1", MERGED);

        assertThat(mounts.isMounted(MERGED)).isFalse();
        assertThat(tableReads).hasValue(2);
        assertThat(mounts.calls).containsExactly("mount overlay overlay " + MERGED + " lowerdir=/l",
                "umount " + MERGED + " " + Mounts.UMOUNT_NOFOLLOW);
    }

    @Test
    void nothingMountedIsNotAnErrorAndCallsNothing() {
        mounter(mounts::isMounted).unmount("c1", MERGED);

        assertThat(mounts.calls).isEmpty();
        assertThat(tableReads).hasValue(1);
    }

    @Test
    void aMountThatStaysAfterEveryAttemptIsAnError() {
        OverlayMounter mounter = mounter(path -> true);

        assertThatThrownBy(() -> mounter.unmount("c1", MERGED)).isInstanceOf(BerthException.class)
                .hasMessage("the root filesystem of c1 is still mounted on " + MERGED + " after "
                        + OverlayMounter.MAX_UNMOUNTS + " unmounts");
        assertThat(tableReads).hasValue(OverlayMounter.MAX_UNMOUNTS + 1);
    }
}
