package io.berth.images.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;
import io.berth.images.internal.files.PosixAttributes;
import io.berth.images.internal.image.ImageServiceImpl;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.TarBuilder;
import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.Mounts;

/** The overlay snapshot logic against an in-memory mount table: no root needed. */
class OverlaySnapshotServiceTest {

    @TempDir
    Path tmp;

    private final FakeMounts mounts = new FakeMounts();
    private final OverlaySupport overlays = new OverlaySupport(m -> null);
    private ImageStore store;
    private ImageServiceImpl images;
    private OverlaySnapshotService snapshots;
    private ImageInfo image;
    private Path layer;
    private Path snapshotsDir;

    @BeforeEach
    void open() {
        openStore();
        overlays.bind(mounts);
        byte[] tar = new TarBuilder().dir("bin").file("bin/busybox", "binary", 0755).dir("etc", 0750).bytes();
        image = images.importImage(new ByteArrayInputStream(tar), ImportOptions.tagged("busybox"));
        layer = tmp.resolve("images/layers").resolve(image.diffIds().get(0).substring("sha256:".length()));
        snapshotsDir = tmp.resolve("images/snapshots");
    }

    /** Opens the store as the component does (also after a restart). */
    private void openStore() {
        store = ImageStore.open(tmp.resolve("images"), new LayerUnpacker(false), OverlaySnapshotService.layerHolders());
        images = new ImageServiceImpl(store, () -> null, () -> null, Clock.systemUTC());
        snapshots = new OverlaySnapshotService(store, new CopySnapshotService(store, false), overlays,
                mounts::isMounted, false);
    }

    @Test
    void prepareMountsTheLayersWithAnUpperDirectory() throws IOException {
        Path merged = snapshots.prepare("c1", "busybox");

        Path snapshot = snapshotsDir.resolve("c1");
        assertThat(merged).isEqualTo(snapshot.resolve("merged"));
        assertThat(mounts.mounted).containsOnlyKeys(merged).containsEntry(merged, "lowerdir=" + layer
                + ",upperdir=" + snapshot.resolve("upper") + ",workdir=" + snapshot.resolve("work"));
        assertThat(FileListing.of(snapshot)).containsExactly("", "merged", "overlay.json", "upper", "work");
        assertThat(OverlayRecord.read(snapshot)).isEqualTo(new OverlayRecord(image.id(), image.diffIds()));
        assertThat(snapshots.path("c1")).isEqualTo(merged);
    }

    @Test
    void prepareTwiceReturnsTheSameMount() {
        Path first = snapshots.prepare("c1", image.id());
        Path second = snapshots.prepare("c1", image.id());
        assertThat(second).isEqualTo(first);
        assertThat(mounts.calls).hasSize(1);
    }

    @Test
    void anUnmountedSnapshotIsMountedAgainWithItsUpperDirectory() throws IOException {
        Path merged = snapshots.prepare("c1", image.id());
        Files.writeString(snapshotsDir.resolve("c1/upper/changed"), "by the container");
        String options = mounts.mounted.get(merged);
        mounts.reboot();
        assertThat(snapshots.path("c1")).isNull();

        openStore();
        assertThat(snapshots.prepare("c1", image.id())).isEqualTo(merged);
        assertThat(mounts.mounted).containsEntry(merged, options);
        assertThat(snapshotsDir.resolve("c1/upper/changed")).hasContent("by the container");
    }

    @Test
    void remountingNeedsNativeMounts() {
        snapshots.prepare("c1", image.id());
        mounts.reboot();
        overlays.unbind(mounts);
        assertThatThrownBy(() -> snapshots.prepare("c1", image.id())).isInstanceOf(UnavailableException.class)
                .hasMessage("cannot mount the root filesystem of c1: native mounts (bundle berth-native) are not "
                        + "available");
    }

    @Test
    void removeUnmountsDeletesAndIsIdempotent() {
        Path merged = snapshots.prepare("c1", image.id());
        snapshots.remove("c1");

        assertThat(mounts.calls).last().isEqualTo("umount " + merged + " " + Mounts.UMOUNT_NOFOLLOW);
        assertThat(mounts.mounted).isEmpty();
        assertThat(snapshotsDir.resolve("c1")).as("renamed away before the answer").doesNotExist();
        snapshots.awaitDeletions();
        assertThat(FileListing.of(snapshotsDir)).containsExactly("");
        assertThat(snapshots.path("c1")).isNull();
        snapshots.remove("c1");
        snapshots.remove("never-prepared");
        assertThat(mounts.calls).hasSize(2);
    }

    @Test
    void afterCloseARemovalDeletesAtOnce() {
        Path merged = snapshots.prepare("c1", image.id());
        snapshots.close();

        snapshots.remove("c1");

        assertThat(merged.getParent()).doesNotExist();
        assertThat(FileListing.of(snapshotsDir)).containsExactly("");
    }

    @Test
    void aBusyMountIsDetached() {
        Path merged = snapshots.prepare("c1", image.id());
        mounts.busyUnmounts = 1;
        snapshots.remove("c1");
        assertThat(mounts.calls).endsWith("umount " + merged + " " + Mounts.UMOUNT_NOFOLLOW,
                "umount " + merged + " " + (Mounts.MNT_DETACH | Mounts.UMOUNT_NOFOLLOW));
        assertThat(snapshotsDir.resolve("c1")).doesNotExist();
    }

    @Test
    void aSnapshotFoundUnmountedIsRemovedWithoutUnmounting() {
        snapshots.prepare("c1", image.id());
        mounts.reboot();
        snapshots.remove("c1");
        assertThat(mounts.calls).hasSize(1);
        assertThat(snapshotsDir.resolve("c1")).doesNotExist();
    }

    @Test
    void removingAMountedSnapshotNeedsNativeMounts() {
        snapshots.prepare("c1", image.id());
        overlays.unbind(mounts);
        assertThatThrownBy(() -> snapshots.remove("c1")).isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("cannot unmount the root filesystem of c1: native mounts");
        assertThat(snapshotsDir.resolve("c1/overlay.json")).exists();
        overlays.bind(mounts);
        snapshots.remove("c1");
        assertThat(snapshotsDir.resolve("c1")).doesNotExist();
    }

    @Test
    void aFailedMountFallsBackToACopy() {
        mounts.mountFailure = new ErrnoException("mount overlay: Operation not permitted", ErrnoException.EPERM);
        Path rootfs = snapshots.prepare("c1", image.id());

        assertThat(rootfs).isEqualTo(snapshotsDir.resolve("c1/rootfs"));
        assertThat(rootfs.resolve("bin/busybox")).hasContent("binary");
        assertThat(FileListing.of(snapshotsDir)).noneMatch(p -> p.contains(".tmp-") || p.contains("upper"));
        mounts.mountFailure = null;
        assertThat(snapshots.prepare("c1", image.id())).as("stays a copy").isEqualTo(rootfs);
        snapshots.remove("c1");
        assertThat(snapshotsDir.resolve("c1")).doesNotExist();
        assertThat(mounts.calls).hasSize(1);
    }

    @Test
    void withoutOverlaysSnapshotsAreCopiesAndStayCopies() {
        overlays.unbind(mounts);
        Path rootfs = snapshots.prepare("c1", image.id());
        assertThat(rootfs).isEqualTo(snapshotsDir.resolve("c1/rootfs"));
        overlays.bind(mounts);
        assertThat(snapshots.prepare("c1", image.id())).isEqualTo(rootfs);
        assertThat(snapshots.path("c1")).isEqualTo(rootfs);
        assertThat(snapshots.prepare("c2", image.id())).isEqualTo(snapshotsDir.resolve("c2/merged"));
        assertThat(mounts.calls).hasSize(1);
    }

    @Test
    void layersOfASnapshotOutliveTheirImageUntilTheSnapshotGoes() {
        snapshots.prepare("c1", image.id());
        snapshots.prepare("c2", image.id());
        images.remove("busybox", false, false);
        assertThat(images.list(true)).isEmpty();
        assertThat(layer.resolve("bin/busybox")).hasContent("binary");

        snapshots.remove("c1");
        assertThat(layer).as("still used by c2").isDirectory();
        snapshots.remove("c2");
        assertThat(layer).doesNotExist();
        assertThat(FileListing.of(tmp.resolve("images/layers"))).containsExactly("");
    }

    @Test
    void layersOfASnapshotSurviveARestartAfterTheirImageWasRemoved() {
        snapshots.prepare("c1", image.id());
        images.remove("busybox", false, false);

        openStore();
        assertThat(layer).isDirectory();
        mounts.reboot();
        assertThat(snapshots.prepare("c1", image.id())).isEqualTo(snapshotsDir.resolve("c1/merged"));
        snapshots.remove("c1");
        assertThat(layer).doesNotExist();
    }

    @Test
    void aMissingLayerIsReportedWhenMountingAgain() throws IOException {
        snapshots.prepare("c1", image.id());
        mounts.reboot();
        Files.writeString(snapshotsDir.resolve("c1/overlay.json"),
                "{\"imageId\":\"" + image.id() + "\",\"diffIds\":[\"sha256:" + "1".repeat(64) + "\"]}");
        assertThatThrownBy(() -> snapshots.prepare("c1", image.id())).isInstanceOf(BerthException.class)
                .hasMessage("cannot mount the root filesystem of c1 again: its layer sha256:" + "1".repeat(64)
                        + " is missing");
    }

    @Test
    void aDamagedMarkerKeepsContentAtStartAndDoesNotBlockRemoval() throws IOException {
        snapshots.prepare("c1", image.id());
        images.remove("busybox", false, false);
        Files.writeString(snapshotsDir.resolve("c1/overlay.json"), "{not json");

        openStore();
        assertThat(layer).as("unknown holders: nothing is collected").isDirectory();
        snapshots.remove("c1");
        assertThat(snapshotsDir.resolve("c1")).doesNotExist();
        assertThat(mounts.mounted).isEmpty();
    }

    @Test
    void unknownImagesAndBadKeysLeaveNothing() {
        assertThatThrownBy(() -> snapshots.prepare("c1", "nosuch")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> snapshots.prepare("../c1", image.id())).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> snapshots.prepare("c1", "")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> snapshots.remove("a/b")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> snapshots.path(".x")).isInstanceOf(InvalidArgumentException.class);
        assertThat(FileListing.of(snapshotsDir)).containsExactly("");
        assertThat(mounts.calls).isEmpty();
    }

    @Test
    void theUpperDirectoryTakesTheAttributesOfTheTopLayerRoot() throws IOException {
        snapshots.prepare("c1", image.id());
        assertThat(Files.getLastModifiedTime(snapshotsDir.resolve("c1/upper")))
                .isEqualTo(Files.getLastModifiedTime(layer));
        assertThat(PosixAttributes.mode(snapshotsDir.resolve("c1/upper"))).isEqualTo(PosixAttributes.mode(layer));
    }
}
