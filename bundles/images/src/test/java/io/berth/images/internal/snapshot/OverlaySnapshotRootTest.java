package io.berth.images.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;
import io.berth.common.host.MountTable;
import io.berth.images.internal.image.ImageServiceImpl;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.RootRequirement;
import io.berth.images.internal.testing.TarBuilder;
import io.berth.nativeio.Mounts;
import io.berth.nativeio.internal.linux.LinuxNative;

/** Real overlay mounts through berth-native: needs root (see {@link RootRequirement}). */
class OverlaySnapshotRootTest {

    @TempDir
    Path tmp;

    private LinuxNative natives;
    private ImageStore store;
    private ImageServiceImpl images;
    private OverlaySupport overlays;
    private OverlaySnapshotService snapshots;
    private ImageInfo image;
    private Path layer;

    @BeforeEach
    void open() {
        RootRequirement.assumeRootWithOverlay();
        natives = new LinuxNative();
        store = ImageStore.open(tmp.resolve("images"), new LayerUnpacker(), OverlaySnapshotService.layerHolders());
        images = new ImageServiceImpl(store, () -> null, () -> null, Clock.systemUTC());
        overlays = new OverlaySupport(OverlaySnapshotService.probeFor(store));
        overlays.bind(natives);
        snapshots = new OverlaySnapshotService(store, overlays);
        image = importImage("busybox", new TarBuilder().dir("bin").file("bin/busybox", "binary", 0755)
                .dir("etc").file("etc/hostname", "box").file("etc/to-delete", "old"));
        layer = store.layers().path(image.diffIds().get(0));
    }

    private ImageInfo importImage(String reference, TarBuilder tar) {
        return images.importImage(new ByteArrayInputStream(tar.bytes()), ImportOptions.tagged(reference));
    }

    /** Fails a test that leaked a mount, after unmounting it so the machine stays clean. */
    @AfterEach
    void noMountsLeft() throws IOException {
        if (natives == null) {
            return;
        }
        List<MountTable.Entry> leaked = mountsBelowTmp();
        for (MountTable.Entry entry : leaked) {
            natives.umount(entry.mountPoint(), Mounts.MNT_DETACH);
        }
        if (!leaked.isEmpty()) {
            fail("mounts leaked: " + leaked);
        }
    }

    private List<MountTable.Entry> mountsBelowTmp() throws IOException {
        return MountTable.read().mountsBelow(tmp.toRealPath());
    }

    @Test
    void theProbeFindsOverlaysUsable() {
        assertThat(overlays.problem()).isNull();
        assertThat(FileListing.of(tmp.resolve("images/snapshots"))).containsExactly("");
    }

    @Test
    void writesGoToTheUpperDirectoryAndNeverToTheLayer() throws IOException {
        Path merged = snapshots.prepare("c1", "busybox");
        Path upper = merged.resolveSibling("upper");

        assertThat(mountsBelowTmp()).singleElement().satisfies(e -> {
            assertThat(e.mountPoint()).isEqualTo(merged.toRealPath());
            assertThat(e.fsType()).isEqualTo("overlay");
        });
        assertThat(merged.resolve("bin/busybox")).hasContent("binary");
        Files.writeString(merged.resolve("etc/new"), "written");
        Files.writeString(merged.resolve("etc/hostname"), "changed");
        Files.delete(merged.resolve("etc/to-delete"));

        assertThat(upper.resolve("etc/new")).hasContent("written");
        assertThat(upper.resolve("etc/hostname")).hasContent("changed");
        assertThat(Files.getAttribute(upper.resolve("etc/to-delete"), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
                .as("a whiteout").isEqualTo(0L);
        assertThat(layer.resolve("etc/new")).doesNotExist();
        assertThat(layer.resolve("etc/hostname")).hasContent("box");
        assertThat(layer.resolve("etc/to-delete")).hasContent("old");
        assertThat(merged.resolve("etc/to-delete")).doesNotExist();
        snapshots.remove("c1");
    }

    @Test
    void prepareTwiceReturnsTheSameMountedPath() throws IOException {
        Path first = snapshots.prepare("c1", image.id());
        Path second = snapshots.prepare("c1", image.id());
        assertThat(second).isEqualTo(first);
        assertThat(snapshots.path("c1")).isEqualTo(first);
        assertThat(mountsBelowTmp()).hasSize(1);
        snapshots.remove("c1");
    }

    @Test
    void removeUnmountsAndDeletesEverything() throws IOException {
        Path merged = snapshots.prepare("c1", image.id());
        Files.writeString(merged.resolve("etc/new"), "written");
        snapshots.remove("c1");

        assertThat(mountsBelowTmp()).isEmpty();
        assertThat(merged.getParent()).doesNotExist();
        snapshots.awaitDeletions();
        assertThat(FileListing.of(tmp.resolve("images/snapshots"))).containsExactly("");
        assertThat(snapshots.path("c1")).isNull();
        assertThat(layer.resolve("etc/hostname")).hasContent("box");
        snapshots.remove("c1");
    }

    @Test
    void unmountKeepsTheChangesAndPrepareMountsThemAgain() throws IOException {
        Path merged = snapshots.prepare("c1", image.id());
        Files.writeString(merged.resolve("etc/new"), "written");

        snapshots.unmount("c1");
        snapshots.unmount("c1");

        assertThat(mountsBelowTmp()).isEmpty();
        assertThat(snapshots.path("c1")).isNull();
        assertThat(merged.resolve("etc/new")).doesNotExist();
        assertThat(merged.resolveSibling("upper").resolve("etc/new")).hasContent("written");
        assertThat(snapshots.prepare("c1", image.id())).isEqualTo(merged);
        assertThat(merged.resolve("etc/new")).hasContent("written");
        assertThat(merged.resolve("bin/busybox")).hasContent("binary");
        snapshots.unmount("c1");
        snapshots.remove("c1");
        assertThat(merged.getParent()).doesNotExist();
        snapshots.unmount("c1");
    }

    @Test
    void aBusyMountIsDetachedOnRemove() throws IOException {
        Path merged = snapshots.prepare("c1", image.id());
        try (InputStream open = Files.newInputStream(merged.resolve("etc/hostname"))) {
            snapshots.remove("c1");
            assertThat(mountsBelowTmp()).isEmpty();
            assertThat(merged.getParent()).doesNotExist();
            assertThat(new String(open.readAllBytes())).as("open files keep working").isEqualTo("box");
        }
    }

    @Test
    void anUnmountedSnapshotIsMountedAgainWithTheContainersChanges() throws IOException {
        Path merged = snapshots.prepare("c1", image.id());
        Files.writeString(merged.resolve("etc/new"), "kept");
        natives.umount(merged, 0);
        assertThat(snapshots.path("c1")).as("as after a reboot").isNull();

        assertThat(snapshots.prepare("c1", image.id())).isEqualTo(merged);
        assertThat(merged.resolve("etc/new")).hasContent("kept");
        assertThat(merged.resolve("bin/busybox")).hasContent("binary");
        snapshots.remove("c1");
    }

    @Test
    void removingTheImageKeepsTheLayersOfAMountedSnapshot() throws IOException {
        Path merged = snapshots.prepare("c1", image.id());
        images.remove("busybox", false, false);

        assertThat(images.list(true)).isEmpty();
        assertThat(layer).isDirectory();
        assertThat(merged.resolve("bin/busybox")).hasContent("binary");
        snapshots.remove("c1");
        assertThat(layer).doesNotExist();
        assertThat(FileListing.of(tmp.resolve("images/layers"))).containsExactly("");
    }

    @Test
    void theKernelSeesTheTopLayerFirst() throws IOException {
        ImageInfo bottom = importImage("bottom", new TarBuilder().file("f", "bottom").file("only-bottom", "b"));
        ImageInfo top = importImage("top", new TarBuilder().file("f", "top"));
        Path dir = Files.createDirectories(tmp.resolve("layered"));
        Path merged = Files.createDirectories(dir.resolve("merged"));
        String options = OverlayOptions.build(List.of(store.layers().path(bottom.diffIds().get(0)),
                store.layers().path(top.diffIds().get(0))),
                Files.createDirectories(dir.resolve("upper")), Files.createDirectories(dir.resolve("work")));
        natives.mount("overlay", merged, "overlay", 0, options);
        try {
            assertThat(merged.resolve("f")).hasContent("top");
            assertThat(merged.resolve("only-bottom")).hasContent("b");
        } finally {
            natives.umount(merged, 0);
        }
    }
}
