package io.berth.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsFilesTest {

    @TempDir
    Path rootfs;

    @Test
    void absoluteAndRelativeLinksStayInsideTheRoot() throws IOException {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createSymbolicLink(rootfs.resolve("etc/abs"), Path.of("/etc/target"));
        Files.createSymbolicLink(rootfs.resolve("etc/up"), Path.of("../../../../etc/target"));
        Files.createSymbolicLink(rootfs.resolve("lib"), Path.of("/etc"));

        assertThat(RootfsFiles.resolveInScope(rootfs, "/etc/abs")).isEqualTo(rootfs.resolve("etc/target"));
        assertThat(RootfsFiles.resolveInScope(rootfs, "/etc/up")).isEqualTo(rootfs.resolve("etc/target"));
        assertThat(RootfsFiles.resolveInScope(rootfs, "/lib/abs")).isEqualTo(rootfs.resolve("etc/target"));
        assertThat(RootfsFiles.resolveInScope(rootfs, "/../../etc/./passwd")).isEqualTo(rootfs.resolve("etc/passwd"));
        assertThat(RootfsFiles.resolveInScope(rootfs, "/missing/../../x")).isEqualTo(rootfs.resolve("missing/x"));
    }

    @Test
    void linkLoopsFail() throws IOException {
        Files.createSymbolicLink(rootfs.resolve("a"), Path.of("/b"));
        Files.createSymbolicLink(rootfs.resolve("b"), Path.of("/a"));

        assertThatThrownBy(() -> RootfsFiles.resolveInScope(rootfs, "/a")).isInstanceOf(IOException.class)
                .hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void onlyRegularFilesAreReadAndOnlyUpToTheLimit() throws IOException, InterruptedException {
        Files.createDirectories(rootfs.resolve("etc/dir"));
        Files.writeString(rootfs.resolve("etc/big"), "x".repeat(RootfsFiles.MAX_BYTES + 10));
        Path fifo = rootfs.resolve("etc/fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(RootfsFiles.readText(rootfs, "/etc/dir")).isEmpty();
        assertThat(RootfsFiles.readText(rootfs, "/etc/fifo")).isEmpty();
        assertThat(RootfsFiles.readText(rootfs, "/etc/none")).isEmpty();
        assertThat(RootfsFiles.readText(rootfs, "/etc/big")).get().extracting(String::length)
                .isEqualTo(RootfsFiles.MAX_BYTES);
    }
}
