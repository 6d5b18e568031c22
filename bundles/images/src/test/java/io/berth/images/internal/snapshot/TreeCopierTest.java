package io.berth.images.internal.snapshot;

import io.berth.common.host.ProcessUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.images.internal.files.PosixAttributes;

class TreeCopierTest {

    @TempDir
    Path tmp;

    @Test
    void upperLayersReplaceFilesAndMergeDirectories() throws IOException {
        Path lower = Files.createDirectories(tmp.resolve("lower/etc"));
        Files.writeString(lower.resolve("keep"), "lower");
        Files.writeString(lower.resolve("replace"), "lower");
        Files.createDirectories(tmp.resolve("lower/dir-becomes-file/inner"));
        Files.writeString(tmp.resolve("lower/file-becomes-dir"), "lower");
        Path upper = Files.createDirectories(tmp.resolve("upper/etc"));
        Files.writeString(upper.resolve("replace"), "upper");
        Files.writeString(tmp.resolve("upper/dir-becomes-file"), "upper");
        Files.createDirectories(tmp.resolve("upper/file-becomes-dir"));
        Files.createSymbolicLink(upper.resolve("link"), Path.of("replace"));
        Path target = Files.createDirectory(tmp.resolve("rootfs"));

        TreeCopier.copy(tmp.resolve("lower"), target, false);
        TreeCopier.copy(tmp.resolve("upper"), target, false);

        assertThat(target.resolve("etc/keep")).hasContent("lower");
        assertThat(target.resolve("etc/replace")).hasContent("upper");
        assertThat(target.resolve("dir-becomes-file")).isRegularFile().hasContent("upper");
        assertThat(target.resolve("file-becomes-dir")).isDirectory();
        assertThat(Files.readSymbolicLink(target.resolve("etc/link"))).isEqualTo(Path.of("replace"));
    }

    @Test
    void aFileReplacingALinkDoesNotWriteThroughIt() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside"), "keep");
        Files.createDirectories(tmp.resolve("lower"));
        Files.createSymbolicLink(tmp.resolve("lower/f"), outside);
        Files.createDirectories(tmp.resolve("upper"));
        Files.writeString(tmp.resolve("upper/f"), "upper");
        Path target = Files.createDirectory(tmp.resolve("rootfs"));

        TreeCopier.copy(tmp.resolve("lower"), target, false);
        TreeCopier.copy(tmp.resolve("upper"), target, false);

        assertThat(Files.isSymbolicLink(target.resolve("f"))).isFalse();
        assertThat(target.resolve("f")).hasContent("upper");
        assertThat(outside).hasContent("keep");
    }

    @Test
    void keepsOwnershipWhenRunningAsRoot() throws IOException {
        assumeTrue(ProcessUser.isRoot(), "needs root");
        Path layer = Files.createDirectories(tmp.resolve("layer/d"));
        Path file = Files.writeString(layer.resolve("f"), "x");
        PosixAttributes.setOwner(file, 1234, 5678);
        PosixAttributes.setMode(file, 04750);
        PosixAttributes.setOwner(layer, 4321, 8765);
        Path target = Files.createDirectory(tmp.resolve("rootfs"));

        TreeCopier.copy(tmp.resolve("layer"), target, true);

        assertThat(Files.getAttribute(target.resolve("d/f"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1234);
        assertThat(Files.getAttribute(target.resolve("d/f"), "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(5678);
        assertThat(PosixAttributes.mode(target.resolve("d/f"))).isEqualTo(04750);
        assertThat(Files.getAttribute(target.resolve("d"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4321);
    }
}
