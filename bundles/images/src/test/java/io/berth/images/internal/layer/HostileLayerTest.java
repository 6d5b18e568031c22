package io.berth.images.internal.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.TarBuilder;

/**
 * A corpus of hostile layer tarballs. Each must be rejected, leave no partial layer, and change nothing
 * next to the layer (a sibling directory "outside" holds a sentinel file).
 */
class HostileLayerTest {

    private static final String SENTINEL = "untouched";

    @TempDir
    Path tmp;

    private Path target;
    private Path outside;
    private List<String> before;

    @BeforeEach
    void createOutside() throws IOException {
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("sentinel"), SENTINEL);
        target = tmp.resolve("layer");
        before = FileListing.of(tmp);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
            hostile("dot-dot escape", new TarBuilder().file("../outside/evil", "x"), "path escapes the layer"),
            hostile("absolute with dot-dot", new TarBuilder().file("/../outside/evil", "x"), "path escapes the layer"),
            hostile("nested dot-dot", new TarBuilder().dir("a").dir("a/b").file("a/b/../../../outside/evil", "x"),
                    "path escapes the layer"),
            hostile("symlink dir then write", new TarBuilder().symlink("link", "../outside").file("link/evil", "x"),
                    "path goes through a symbolic link"),
            hostile("symlink to root then write", new TarBuilder().symlink("root", "/")
                    .file("root/tmp/berth-hostile-evil", "x"), "path goes through a symbolic link"),
            hostile("symlink chain then write", new TarBuilder().symlink("a", "b").symlink("b", "../outside")
                    .file("a/evil", "x"), "path goes through a symbolic link"),
            hostile("hardlink to /etc/passwd", new TarBuilder().hardlink("passwd", "/etc/passwd"),
                    "hardlink target does not exist"),
            hostile("hardlink escape", new TarBuilder().hardlink("h", "../outside/sentinel"),
                    "hardlink target escapes the layer"),
            hostile("hardlink through symlink", new TarBuilder().symlink("l", "../outside").hardlink("h", "l/sentinel"),
                    "hardlink target goes through a symbolic link"),
            hostile("hardlink to a directory", new TarBuilder().dir("d").hardlink("h", "d"),
                    "hardlink target is a directory"),
            hostile("file replaces directory", new TarBuilder().dir("d").file("d/inner", "i").file("d", "x"),
                    "would replace a directory"),
            hostile("symlink replaces directory", new TarBuilder().dir("d").symlink("d", "../outside"),
                    "would replace a directory"),
            hostile("file below a file", new TarBuilder().file("f", "x").file("f/evil", "x"),
                    "a parent is not a directory"),
            hostile("very long component", new TarBuilder().file("x".repeat(300), "x"),
                    "has a component longer than 255 bytes"),
            hostile("very long path", new TarBuilder().file("abcdefgh/".repeat(500) + "f", "x"), "path is too long"),
            hostile("NUL in a long name", new TarBuilder().file("n".repeat(120) + "\0/../../outside/evil", "x"),
                    "path contains a NUL character"),
            hostile("whiteout of the parent", new TarBuilder().dir("etc").file("etc/.wh...", ""),
                    "whiteout escapes the layer"),
            hostile("whiteout escaping by dot-dot", new TarBuilder().file("../.wh.sentinel", ""),
                    "path escapes the layer"),
            hostile("path through a whiteout", new TarBuilder().file(".wh.etc/passwd", "x"),
                    "path goes through a whiteout"),
            hostile("whiteout through a symlink",
                    new TarBuilder().symlink("l", "../outside").file("l/.wh.sentinel", ""),
                    "path goes through a symbolic link"),
            hostile("device when not root", new TarBuilder().charDevice("dev/sda"), "device nodes and fifos"),
            hostile("fifo when not root", new TarBuilder().fifo("pipe"), "device nodes and fifos"),
            Arguments.of("gzip garbage", gzipGarbage(), "invalid tar archive"),
            Arguments.of("truncated tar", truncated(), "invalid tar archive"),
            Arguments.of("not a tar", randomBytes(4096), "invalid tar archive"));
    }

    private static Arguments hostile(String name, TarBuilder tar, String message) {
        return Arguments.of(name, tar.bytes(), message);
    }

    private static byte[] gzipGarbage() {
        byte[] data = randomBytes(2048);
        data[0] = 0x1f;
        data[1] = (byte) 0x8b;
        data[2] = 8;
        data[3] = 0;
        return data;
    }

    private static byte[] truncated() {
        byte[] tar = new TarBuilder().file("big", "z".repeat(100_000)).bytes();
        return Arrays.copyOf(tar, 50_000);
    }

    private static byte[] randomBytes(int length) {
        byte[] data = new byte[length];
        new Random(42).nextBytes(data);
        return data;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithoutTouchingAnythingOutside(String name, byte[] archive, String message) throws IOException {
        LayerUnpacker unpacker = new LayerUnpacker(false);
        assertThatThrownBy(() -> unpacker.unpack(new ByteArrayInputStream(archive), target))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(message);
        assertThat(target).as("partial layer removed").doesNotExist();
        assertThat(FileListing.of(tmp)).isEqualTo(before);
        assertThat(outside.resolve("sentinel")).hasContent(SENTINEL);
        assertThat(Path.of("/tmp/berth-hostile-evil")).doesNotExist();
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void errorNamesTheEntry() {
        byte[] archive = new TarBuilder().file("../etc/passwd", "x").bytes();
        assertThatThrownBy(() -> new LayerUnpacker(false).unpack(new ByteArrayInputStream(archive), target))
                .hasMessage("invalid layer entry \"../etc/passwd\": path escapes the layer");
    }

    @Test
    void fileReplacingALinkToOutsideDoesNotWriteThroughIt() throws IOException {
        byte[] archive = new TarBuilder().symlink("s", "../outside/sentinel").file("s", "evil").bytes();
        new LayerUnpacker(false).unpack(new ByteArrayInputStream(archive), target);
        assertThat(Files.isSymbolicLink(target.resolve("s"))).isFalse();
        assertThat(target.resolve("s")).hasContent("evil");
        assertThat(outside.resolve("sentinel")).hasContent(SENTINEL);
    }

    @Test
    void hardlinkToALinkLinksTheLinkItself() throws IOException {
        byte[] archive = new TarBuilder().symlink("s", "../outside/sentinel").hardlink("h", "s").bytes();
        new LayerUnpacker(false).unpack(new ByteArrayInputStream(archive), target);
        assertThat(Files.isSymbolicLink(target.resolve("h"))).isTrue();
        assertThat(Files.getAttribute(outside.resolve("sentinel"), "unix:nlink")).isEqualTo(1);
    }

    @Test
    void symlinkAndFileWithTheSameParentNameCannotEscape() throws IOException {
        TarArchiveEntry dirAsLink = TarBuilder.entry("etc", TarConstants.LF_SYMLINK, 0777);
        dirAsLink.setLinkName(outside.toString());
        byte[] archive = new TarBuilder().add(dirAsLink, null).file("etc/passwd", "root::0:0").bytes();
        assertThatThrownBy(() -> new LayerUnpacker(false).unpack(new ByteArrayInputStream(archive), target))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid layer entry \"etc/passwd\": path goes through a symbolic link");
        assertThat(FileListing.of(tmp)).isEqualTo(before);
    }
}
