package io.berth.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A busybox root filesystem built from the host's static busybox ({@code busybox-static}): {@code bin/busybox}
 * with a symlink per applet, {@code /etc/passwd} and {@code /etc/group} with root and nobody, and the usual
 * empty directories. Imported through the image store like any rootfs tarball.
 */
final class BusyboxFixture {

    static final Path HOST_BUSYBOX = Path.of("/bin/busybox");

    private static final List<String> APPLETS = List.of("sh", "echo", "sleep", "cat", "id", "env", "pwd",
            "hostname", "touch", "ls", "ps", "true", "false", "mount", "ip", "head", "grep", "wc", "test", "stty");

    private BusyboxFixture() {
    }

    /** True if the host has a static busybox to build the image from. */
    static boolean available() {
        return Files.isExecutable(HOST_BUSYBOX);
    }

    /** The tarball's bytes. */
    static byte[] tarball() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String dir : List.of("bin/", "etc/", "tmp/", "root/", "proc/", "sys/", "dev/", "data/")) {
                directory(tar, dir, dir.equals("tmp/") ? 01777 : 0755);
            }
            file(tar, "bin/busybox", Files.readAllBytes(HOST_BUSYBOX), 0755);
            for (String applet : APPLETS) {
                symlink(tar, "bin/" + applet, "busybox");
            }
            file(tar, "etc/passwd", text("root:x:0:0:root:/root:/bin/sh\n"
                    + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"), 0644);
            file(tar, "etc/group", text("root:x:0:\nnogroup:x:65534:\n"), 0644);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040000 | mode);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] data, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(0100000 | mode);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void symlink(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        entry.setMode(0120777);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
