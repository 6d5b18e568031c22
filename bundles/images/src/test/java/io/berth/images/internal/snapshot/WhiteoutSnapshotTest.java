package io.berth.images.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.LayeredImages;
import io.berth.images.internal.testing.TarBuilder;

/**
 * Multi-layer images with whiteouts: copies apply the deletions layer by layer; without native file nodes overlay
 * is not used for them (with them, see {@link LayeredOverlayRootTest}).
 */
class WhiteoutSnapshotTest {

    private static final String CREATED = "2024-01-01T00:00:00Z";

    @TempDir
    Path tmp;

    private ImageStore store;
    private Path outside;
    private final FakeMounts mounts = new FakeMounts();

    @BeforeEach
    void open() throws IOException {
        store = ImageStore.open(tmp.resolve("images"), new LayerUnpacker(false));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("sentinel"), "keep");
    }

    private static byte[] base() {
        return new TarBuilder().dir("etc").file("etc/passwd", "root").file("etc/group", "wheel").dir("opt")
                .dir("opt/app").file("opt/app/a", "a").file("opt/app/b", "b").dir("var").file("var/log", "l")
                .symlink("link", "../outside").bytes();
    }

    private static byte[] deleting() {
        return new TarBuilder().dir("etc").file("etc/.wh.passwd", "").dir("opt/app").file("opt/app/.wh..wh..opq", "")
                .file("opt/app/c", "c").file(".wh.var", "").file("link/.wh.sentinel", "").bytes();
    }

    @Test
    void copiesApplyWhiteoutsAndOpaqueDirectoriesLayerByLayer() throws IOException {
        String id = LayeredImages.add(store, CREATED, List.of(base(), deleting(),
                new TarBuilder().dir("var").file("var/new", "n").bytes()));

        Path rootfs = new CopySnapshotService(store, false).prepare("c1", id);

        assertThat(FileListing.of(rootfs)).containsExactly("", "etc", "etc/group", "link", "opt", "opt/app",
                "opt/app/c", "var", "var/new");
        assertThat(outside.resolve("sentinel")).hasContent("keep");
    }

    @Test
    void layersKeepTheirWhiteoutsAsMetadataOnly() {
        String id = LayeredImages.add(store, CREATED, List.of(base(), deleting()));
        String top = store.image(id).orElseThrow().config().diffIds().get(1);

        assertThat(store.layers().changes(top).whiteouts()).containsExactly("/etc/passwd", "/var", "/link/sentinel");
        assertThat(store.layers().changes(top).opaqueDirs()).containsExactly("/opt/app");
        assertThat(FileListing.of(store.layers().path(top))).noneMatch(p -> p.contains(".wh."));
        assertThat(tmp.resolve("images/layers").resolve(top.substring(7) + ".json")).exists();
    }

    @Test
    void withoutNativeFileNodesImagesWithWhiteoutsGetCopies() throws IOException {
        String id = LayeredImages.add(store, CREATED, List.of(base(), deleting()));
        OverlaySupport overlays = new OverlaySupport(m -> null);
        overlays.bind(mounts);
        OverlaySnapshotService snapshots = new OverlaySnapshotService(store, new CopySnapshotService(store, false),
                overlays, mounts::isMounted, false);

        Path rootfs = snapshots.prepare("c1", id);

        assertThat(mounts.calls).isEmpty();
        assertThat(rootfs).isEqualTo(tmp.resolve("images/snapshots/c1/rootfs"));
        assertThat(rootfs.resolve("etc/passwd")).doesNotExist();
        snapshots.remove("c1");
        assertThat(rootfs).doesNotExist();
    }

    @Test
    void overlayIsStillUsedWhenOnlyTheBottomLayerHasWhiteouts() {
        String id = LayeredImages.add(store, CREATED, List.of(new TarBuilder().file(".wh.nothing", "").bytes(),
                new TarBuilder().file("x", "1").bytes()));
        OverlaySupport overlays = new OverlaySupport(m -> null);
        overlays.bind(mounts);
        OverlaySnapshotService snapshots = new OverlaySnapshotService(store, new CopySnapshotService(store, false),
                overlays, mounts::isMounted, false);

        Path merged = snapshots.prepare("c1", id);

        assertThat(mounts.mounted).containsOnlyKeys(merged);
        snapshots.remove("c1");
    }

    @Test
    void removingTheLayerRemovesItsWhiteoutRecord() {
        String id = LayeredImages.add(store, CREATED, List.of(base(), deleting()));
        String top = store.image(id).orElseThrow().config().diffIds().get(1);

        store.delete(id);

        assertThat(tmp.resolve("images/layers").resolve(top.substring(7) + ".json")).doesNotExist();
        assertThat(FileListing.of(tmp.resolve("images/layers"))).containsExactly("");
    }
}
