package io.berth.images.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.common.host.MountTable;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.testing.LayeredImages;
import io.berth.images.internal.testing.RootRequirement;
import io.berth.images.internal.testing.TarBuilder;
import io.berth.nativeio.Mounts;
import io.berth.nativeio.internal.linux.LinuxNative;

/**
 * Multi-layer images through real overlay mounts (needs root, see {@link RootRequirement}): layers stack in
 * the merged view, and whiteouts become overlayfs whiteouts (0/0 devices, opaque directories) in the snapshot.
 */
class LayeredOverlayRootTest {

    private static final String CREATED = "2024-01-01T00:00:00Z";

    @TempDir
    Path tmp;

    private LinuxNative natives;
    private ImageStore store;
    private OverlaySnapshotService snapshots;

    @BeforeEach
    void open() {
        RootRequirement.assumeRootWithOverlay();
        natives = new LinuxNative();
        store = ImageStore.open(tmp.resolve("images"), new LayerUnpacker(), OverlaySnapshotService.layerHolders());
        OverlaySupport overlays = new OverlaySupport(OverlaySnapshotService.probeFor(store));
        overlays.bind(natives);
        snapshots = new OverlaySnapshotService(store, overlays);
        snapshots.bindFileNodes(natives);
    }

    @AfterEach
    void noMountsLeft() throws IOException {
        if (natives == null) {
            return;
        }
        List<MountTable.Entry> leaked = MountTable.read().mountsBelow(tmp.toRealPath());
        for (MountTable.Entry entry : leaked) {
            natives.umount(entry.mountPoint(), Mounts.MNT_DETACH);
        }
        if (!leaked.isEmpty()) {
            fail("mounts leaked: " + leaked);
        }
    }

    @Test
    void layersStackInAnOverlay() {
        String id = LayeredImages.add(store, CREATED, List.of(
                new TarBuilder().dir("etc").file("etc/hostname", "base").file("etc/os", "debian").bytes(),
                new TarBuilder().dir("etc").file("etc/hostname", "top").dir("app").file("app/run", "r").bytes()));

        Path merged = snapshots.prepare("c1", id);

        assertThat(MountTable.isMounted(merged)).isTrue();
        assertThat(merged.resolve("etc/hostname")).hasContent("top");
        assertThat(merged.resolve("etc/os")).hasContent("debian");
        assertThat(merged.resolve("app/run")).hasContent("r");
        snapshots.remove("c1");
        assertThat(MountTable.isMounted(merged)).isFalse();
    }

    @Test
    void whiteoutsAndOpaqueDirectoriesHideLowerContentInTheOverlay() throws IOException {
        String id = LayeredImages.add(store, CREATED, List.of(
                new TarBuilder().dir("etc").file("etc/hostname", "base").file("etc/os", "debian")
                        .dir("opt").dir("opt/app").file("opt/app/old", "1").dir("var").dir("var/log")
                        .file("var/log/x", "x").bytes(),
                new TarBuilder().dir("etc").file("etc/.wh.os", "").file("etc/.wh.never-there", "").dir("opt")
                        .dir("opt/app").file("opt/app/.wh..wh..opq", "").file("opt/app/new", "2")
                        .file(".wh.var", "").bytes(),
                new TarBuilder().dir("etc").file("etc/os", "recreated").bytes()));

        Path merged = snapshots.prepare("c1", id);

        assertThat(MountTable.isMounted(merged)).isTrue();
        assertMergedView(merged);
        Path whiteouts = tmp.resolve("images/snapshots/c1/whiteouts/1");
        assertThat(java.nio.file.Files.getAttribute(whiteouts.resolve("var"), "unix:rdev",
                java.nio.file.LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
        assertThat(whiteouts.resolve("etc/never-there")).doesNotExist();

        natives.umount(merged, 0);
        assertThat(snapshots.prepare("c1", id)).as("mounted again, as after a reboot").isEqualTo(merged);
        assertMergedView(merged);
        snapshots.remove("c1");
        assertThat(MountTable.isMounted(merged)).isFalse();
        assertThat(tmp.resolve("images/snapshots/c1")).doesNotExist();
    }

    private static void assertMergedView(Path merged) {
        assertThat(merged.resolve("etc/hostname")).hasContent("base");
        assertThat(merged.resolve("etc/os")).hasContent("recreated");
        assertThat(merged.resolve("opt/app/old")).doesNotExist();
        assertThat(merged.resolve("opt/app/new")).hasContent("2");
        assertThat(merged.resolve("var")).doesNotExist();
    }

    @Test
    void withoutNativeFileNodesWhiteoutsGiveACopy() {
        snapshots.unbindFileNodes(natives);
        String id = LayeredImages.add(store, CREATED, List.of(
                new TarBuilder().dir("etc").file("etc/hostname", "base").file("etc/os", "debian").bytes(),
                new TarBuilder().dir("etc").file("etc/.wh.os", "").bytes()));

        Path rootfs = snapshots.prepare("c1", id);

        assertThat(MountTable.isMounted(rootfs)).isFalse();
        assertThat(rootfs.getFileName().toString()).isEqualTo("rootfs");
        assertThat(rootfs.resolve("etc/hostname")).hasContent("base");
        assertThat(rootfs.resolve("etc/os")).doesNotExist();
        snapshots.remove("c1");
        assertThat(rootfs).doesNotExist();
    }
}
