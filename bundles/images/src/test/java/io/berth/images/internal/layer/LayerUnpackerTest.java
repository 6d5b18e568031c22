package io.berth.images.internal.layer;

import io.berth.common.host.ProcessUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.files.PosixAttributes;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.TarBuilder;

class LayerUnpackerTest {

    @TempDir
    Path tmp;

    private Path unpack(byte[] archive) {
        return unpack(archive, new LayerUnpacker(false));
    }

    private Path unpack(byte[] archive, LayerUnpacker unpacker) {
        Path target = tmp.resolve("layer");
        unpacker.unpack(new ByteArrayInputStream(archive), target);
        return target;
    }

    @Test
    void extractsFilesDirectoriesAndLinks() throws IOException {
        Path layer = unpack(new TarBuilder().dir("bin").file("bin/busybox", "#!binary", 0755)
                .symlink("bin/sh", "busybox").symlink("abs", "/etc/os-release").hardlink("bin/ls", "bin/busybox")
                .bytes());
        assertThat(layer.resolve("bin/busybox")).hasContent("#!binary");
        assertThat(Files.readSymbolicLink(layer.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
        assertThat(Files.readSymbolicLink(layer.resolve("abs"))).isEqualTo(Path.of("/etc/os-release"));
        assertThat(Files.isSameFile(layer.resolve("bin/ls"), layer.resolve("bin/busybox"))).isTrue();
    }

    @Test
    void acceptsGzip() {
        Path layer = unpack(new TarBuilder().file("hello.txt", "hi").gzip());
        assertThat(layer.resolve("hello.txt")).hasContent("hi");
    }

    @Test
    void appliesModesIncludingSetuidAndModificationTimes() throws IOException {
        Path layer = unpack(new TarBuilder().dir("d", 0750).file("d/su", "x", 04755).file("d/ro", "y", 0400)
                .dir("sticky", 01777).bytes());
        assertThat(PosixAttributes.mode(layer.resolve("d"))).isEqualTo(0750);
        assertThat(PosixAttributes.mode(layer.resolve("d/su"))).isEqualTo(04755);
        assertThat(PosixAttributes.mode(layer.resolve("d/ro"))).isEqualTo(0400);
        assertThat(PosixAttributes.mode(layer.resolve("sticky"))).isEqualTo(01777);
        FileTime expected = FileTime.from(TarBuilder.MTIME);
        assertThat(Files.getLastModifiedTime(layer.resolve("d/su"))).isEqualTo(expected);
        assertThat(Files.getLastModifiedTime(layer.resolve("d"))).isEqualTo(expected);
    }

    @Test
    void setsSymlinkTimesWithoutTouchingTheTarget() throws IOException {
        Path layer = unpack(new TarBuilder().file("target", "t").symlink("link", "target").bytes());
        assertThat(Files.getLastModifiedTime(layer.resolve("link"), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.from(TarBuilder.MTIME));
    }

    @Test
    void absoluteNamesLandInsideTheLayer() {
        Path layer = unpack(new TarBuilder().file("/etc/hostname", "box").file("./etc/hosts", "h").bytes());
        assertThat(layer.resolve("etc/hostname")).hasContent("box");
        assertThat(layer.resolve("etc/hosts")).hasContent("h");
    }

    @Test
    void createsMissingParentsWithMode755() throws IOException {
        Path layer = unpack(new TarBuilder().file("a/b/c.txt", "c").bytes());
        assertThat(layer.resolve("a/b/c.txt")).hasContent("c");
        assertThat(PosixAttributes.mode(layer.resolve("a/b"))).isEqualTo(0755);
    }

    @Test
    void rootEntrySetsTheLayerRootMode() throws IOException {
        Path layer = unpack(new TarBuilder().dir("./", 0700).file("x", "1").bytes());
        assertThat(PosixAttributes.mode(layer)).isEqualTo(0700);
    }

    @Test
    void laterEntriesReplaceEarlierFilesAndLinks() throws IOException {
        Path layer = unpack(new TarBuilder().file("f", "old").file("f", "new").symlink("l", "f").file("l", "file")
                .file("d", "file").dir("d").bytes());
        assertThat(layer.resolve("f")).hasContent("new");
        assertThat(Files.isSymbolicLink(layer.resolve("l"))).isFalse();
        assertThat(layer.resolve("l")).hasContent("file");
        assertThat(layer.resolve("d")).isDirectory();
    }

    @Test
    void recordsWhiteoutsAndOpaqueDirectoriesWithoutWritingThem() {
        Path target = tmp.resolve("layer");
        LayerChanges changes = new LayerUnpacker(false).unpack(new ByteArrayInputStream(new TarBuilder()
                .dir("etc").file("etc/.wh.passwd", "").file(".wh..wh..opq", "").dir("opt/app")
                .file("opt/app/.wh..wh..opq", "").file("usr/lib/.wh.gone", "").file("keep", "k").bytes()), target);
        assertThat(changes.whiteouts()).containsExactly("/etc/passwd", "/usr/lib/gone");
        assertThat(changes.opaqueDirs()).containsExactly("/", "/opt/app");
        assertThat(FileListing.of(target)).containsExactly("", "etc", "keep", "opt", "opt/app", "usr", "usr/lib");
    }

    @Test
    void skipsAufsBookkeeping() {
        Path target = tmp.resolve("layer");
        LayerChanges changes = new LayerUnpacker(false).unpack(new ByteArrayInputStream(new TarBuilder()
                .dir(".wh..wh.plnk").file("x", "1").bytes()), target);
        assertThat(changes.isEmpty()).isTrue();
        assertThat(FileListing.of(target)).containsExactly("", "x");
    }

    @Test
    void rejectsDevicesAndFifosWhenNotRoot() {
        byte[] fifo = new TarBuilder().file("keep", "k").fifo("pipe").bytes();
        assertThatThrownBy(() -> unpack(fifo)).isInstanceOf(InvalidArgumentException.class).hasMessage(
                "invalid layer entry \"pipe\": device nodes and fifos can only be unpacked when the engine "
                        + "runs as root");
        assertThat(tmp.resolve("layer")).doesNotExist();
        byte[] device = new TarBuilder().charDevice("dev/null").bytes();
        assertThatThrownBy(() -> unpack(device)).hasMessageContaining("device nodes and fifos");
    }

    @Test
    void skipsDevicesAndFifosAsRoot() {
        assumeTrue(ProcessUser.isRoot(), "needs root");
        Path layer = unpack(new TarBuilder().fifo("pipe").charDevice("dev/null").file("keep", "k").bytes(),
                new LayerUnpacker(true));
        assertThat(layer.resolve("pipe")).doesNotExist();
        assertThat(layer.resolve("dev/null")).doesNotExist();
        assertThat(layer.resolve("keep")).hasContent("k");
    }

    @Test
    void appliesUserExtendedAttributes() throws IOException {
        TarArchiveEntry file = TarBuilder.entry("f", TarConstants.LF_NORMAL, 0400);
        file.addPaxHeader("SCHILY.xattr.user.comment", "hello");
        file.addPaxHeader("SCHILY.xattr.trusted.secret", "ignored");
        TarArchiveEntry dir = TarBuilder.entry("d/", TarConstants.LF_DIR, 0555);
        dir.addPaxHeader("LIBARCHIVE.xattr.user.mark", "ZGly");
        Path layer = unpack(new TarBuilder().add(file, "x".getBytes()).add(dir, null).bytes());
        UserDefinedFileAttributeView fileView = Files.getFileAttributeView(layer.resolve("f"),
                UserDefinedFileAttributeView.class);
        assumeTrue(fileView.list().contains("comment"), "file system without user xattrs");
        assertThat(fileView.list()).containsExactly("comment");
        assertThat(read(fileView, "comment")).isEqualTo("hello");
        UserDefinedFileAttributeView dirView = Files.getFileAttributeView(layer.resolve("d"),
                UserDefinedFileAttributeView.class);
        assertThat(read(dirView, "mark")).isEqualTo("dir");
        assertThat(PosixAttributes.mode(layer.resolve("f"))).isEqualTo(0400);
    }

    private static String read(UserDefinedFileAttributeView view, String name) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
        view.read(name, buffer);
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    @Test
    void longNamesViaPaxHeadersWork() {
        String name = "d/" + "n".repeat(200) + "/" + "f".repeat(200);
        Path layer = unpack(new TarBuilder().file(name, "long").bytes());
        assertThat(layer.resolve(name)).hasContent("long");
    }

    @Test
    void aBodyShorterThanOneHeaderIsNotATar() {
        // what a client sends when it serialises its input stream as JSON by mistake
        Path target = tmp.resolve("not-a-tar");
        assertThatThrownBy(() -> new LayerUnpacker(false).unpack(
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), target))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid tar archive: 2 bytes, shorter than one tar header (is the body a tar file?)");
        assertThat(target).doesNotExist();
    }

    @Test
    void emptyArchiveGivesEmptyLayer() {
        Path layer = unpack(new TarBuilder().bytes());
        assertThat(layer).isEmptyDirectory();
    }

    @Test
    void appliesOwnershipWhenRunningAsRoot() throws IOException {
        assumeTrue(ProcessUser.isRoot(), "needs root");
        TarArchiveEntry owned = TarBuilder.entry("owned", TarConstants.LF_NORMAL, 04750);
        owned.setUserId(1234);
        owned.setGroupId(5678);
        TarArchiveEntry link = TarBuilder.entry("link", TarConstants.LF_SYMLINK, 0777);
        link.setLinkName("owned");
        link.setUserId(4321);
        Path layer = unpack(new TarBuilder().add(owned, "x".getBytes()).add(link, null).bytes(), new LayerUnpacker(true));
        assertThat(Files.getAttribute(layer.resolve("owned"), "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(layer.resolve("owned"), "unix:gid")).isEqualTo(5678);
        assertThat(PosixAttributes.mode(layer.resolve("owned"))).as("setuid survives chown").isEqualTo(04750);
        assertThat(Files.getAttribute(layer.resolve("link"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4321);
    }
}
