package io.berth.images.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;
import io.berth.images.internal.files.PosixAttributes;
import io.berth.images.internal.image.ImageServiceImpl;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.TarBuilder;

class CopySnapshotServiceTest {

    @TempDir
    Path tmp;

    private Path outside;
    private ImageStore store;
    private ImageServiceImpl images;
    private CopySnapshotService snapshots;
    private ImageInfo image;

    @BeforeEach
    void open() throws IOException {
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("sentinel"), "keep");
        openStore();
        byte[] tar = new TarBuilder().dir("bin").file("bin/busybox", "binary", 04755).symlink("bin/sh", "busybox")
                .hardlink("bin/ls", "bin/busybox").symlink("escape", outside.toString()).symlink("root", "/")
                .dir("etc", 0700).file("etc/hostname", "box").bytes();
        image = images.importImage(new ByteArrayInputStream(tar), ImportOptions.tagged("busybox"));
    }

    private void openStore() {
        store = ImageStore.open(tmp.resolve("images"), new LayerUnpacker(false));
        images = new ImageServiceImpl(store, () -> null, () -> null, Clock.systemUTC());
        snapshots = new CopySnapshotService(store, false);
    }

    @Test
    void preparesACopyOfTheImage() throws IOException {
        Path rootfs = snapshots.prepare("c1", image.id());

        assertThat(rootfs).isEqualTo(tmp.resolve("images/snapshots/c1/rootfs"));
        assertThat(rootfs.resolve("bin/busybox")).hasContent("binary");
        assertThat(PosixAttributes.mode(rootfs.resolve("bin/busybox"))).isEqualTo(04755);
        assertThat(PosixAttributes.mode(rootfs.resolve("etc"))).isEqualTo(0700);
        assertThat(Files.getLastModifiedTime(rootfs.resolve("etc"))).isEqualTo(FileTime.from(TarBuilder.MTIME));
        assertThat(Files.getLastModifiedTime(rootfs.resolve("bin/busybox"))).isEqualTo(FileTime.from(TarBuilder.MTIME));
        assertThat(Files.readSymbolicLink(rootfs.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
        assertThat(Files.isSameFile(rootfs.resolve("bin/ls"), rootfs.resolve("bin/busybox"))).isTrue();
        assertThat(Files.isSameFile(rootfs.resolve("bin/busybox"),
                tmp.resolve("images/layers").resolve(image.diffIds().get(0).substring(7)).resolve("bin/busybox")))
                .as("a copy, not a link into the layer").isFalse();
    }

    @Test
    void symlinksAreCopiedNotFollowed() throws IOException {
        Path rootfs = snapshots.prepare("c1", image.id());
        assertThat(Files.readSymbolicLink(rootfs.resolve("escape"))).isEqualTo(outside);
        assertThat(Files.readSymbolicLink(rootfs.resolve("root"))).isEqualTo(Path.of("/"));
        assertThat(FileListing.of(rootfs)).doesNotContain("escape/sentinel", "root/etc");
    }

    @Test
    void prepareIsIdempotent() throws IOException {
        Path first = snapshots.prepare("c1", image.id());
        Files.writeString(first.resolve("etc/hostname"), "changed by the container");
        Path second = snapshots.prepare("c1", image.id());
        assertThat(second).isEqualTo(first);
        assertThat(second.resolve("etc/hostname")).hasContent("changed by the container");
        assertThat(snapshots.path("c1")).isEqualTo(first);
    }

    @Test
    void acceptsAReferenceOrIdPrefix() {
        assertThat(snapshots.prepare("by-ref", "busybox")).exists();
        assertThat(snapshots.prepare("by-prefix", image.id().substring(7, 19))).exists();
    }

    @Test
    void snapshotsOutliveTheirImage() {
        Path rootfs = snapshots.prepare("c1", image.id());
        images.remove("busybox", false, false);
        assertThat(rootfs.resolve("bin/busybox")).hasContent("binary");
    }

    @Test
    void removeDeletesWithoutFollowingLinks() {
        Path rootfs = snapshots.prepare("c1", image.id());
        snapshots.remove("c1");
        assertThat(rootfs.getParent()).doesNotExist();
        assertThat(snapshots.path("c1")).isNull();
        assertThat(outside.resolve("sentinel")).hasContent("keep");
        assertThat(Path.of("/etc")).isDirectory();
        snapshots.remove("c1");
        snapshots.remove("never-prepared");
    }

    @Test
    void unknownImageIsNotFoundAndLeavesNothing() {
        assertThatThrownBy(() -> snapshots.prepare("c1", "sha256:" + "0".repeat(64)))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshots.path("c1")).isNull();
        assertThat(FileListing.of(tmp.resolve("images/snapshots"))).containsExactly("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/b", ".hidden", "-dash", "sp ace", "x\0"})
    void invalidKeysAreRejected(String key) {
        assertThatThrownBy(() -> snapshots.prepare(key, image.id())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("invalid snapshot key");
        assertThatThrownBy(() -> snapshots.path(key)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> snapshots.remove(key)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void overlongKeysAndMissingImagesAreRejected() {
        assertThatThrownBy(() -> snapshots.path("k".repeat(129))).isInstanceOf(InvalidArgumentException.class);
        assertThat(snapshots.path("k".repeat(128))).isNull();
        assertThatThrownBy(() -> snapshots.prepare("c1", "")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void snapshotsPersistAndHalfCopiesAreCleanedAtStart() throws IOException {
        Path rootfs = snapshots.prepare("c1", image.id());
        Files.createDirectories(tmp.resolve("images/snapshots/.tmp-crashed/rootfs/bin"));
        openStore();
        assertThat(snapshots.path("c1")).isEqualTo(rootfs);
        assertThat(FileListing.of(tmp.resolve("images/snapshots"))).noneMatch(p -> p.contains(".tmp-"));
    }

    @Test
    void differentKeysAreIndependent() {
        Path a = snapshots.prepare("a", image.id());
        Path b = snapshots.prepare("b", image.id());
        snapshots.remove("a");
        assertThat(a).doesNotExist();
        assertThat(b.resolve("bin/busybox")).exists();
        assertThat(List.of(snapshots.path("b"))).containsExactly(b);
    }

    @Test
    void symlinkTimesAreKept() throws IOException {
        Path rootfs = snapshots.prepare("c1", image.id());
        assertThat(Files.getLastModifiedTime(rootfs.resolve("bin/sh"), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.from(TarBuilder.MTIME));
    }
}
