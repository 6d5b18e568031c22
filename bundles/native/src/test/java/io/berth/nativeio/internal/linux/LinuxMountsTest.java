package io.berth.nativeio.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.Mounts;

class LinuxMountsTest {

    private final LinuxNative natives = new LinuxNative();

    @TempDir
    Path dir;

    @BeforeEach
    void needsRoot() {
        RootRequirement.assumeRoot();
    }

    @Test
    void mountsAndUnmountsTmpfs() throws IOException {
        Path target = Files.createDirectory(dir.resolve("mnt"));
        natives.mount("tmpfs", target, "tmpfs", Mounts.MS_NOSUID | Mounts.MS_NODEV, "size=1m");
        try {
            assertThat(mountPoints()).contains(" " + target + " ");
            Files.writeString(target.resolve("on-tmpfs"), "x");
        } finally {
            natives.umount(target, 0);
        }
        assertThat(mountPoints()).doesNotContain(" " + target + " ");
        assertThat(target.resolve("on-tmpfs")).doesNotExist();
    }

    @Test
    void readOnlyMountRefusesWrites() throws IOException {
        Path target = Files.createDirectory(dir.resolve("ro"));
        natives.mount("tmpfs", target, "tmpfs", Mounts.MS_RDONLY, null);
        try {
            assertThatThrownBy(() -> Files.writeString(target.resolve("f"), "x")).isInstanceOf(IOException.class);
        } finally {
            natives.umount(target, Mounts.MNT_DETACH);
        }
    }

    @Test
    void unmountOfPlainDirectoryReportsEinval() throws IOException {
        Path target = Files.createDirectory(dir.resolve("plain"));
        assertThatThrownBy(() -> natives.umount(target, 0))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertErrno(e, ErrnoException.EINVAL))
                .hasMessageContaining("umount " + target).hasMessageContaining("Invalid argument");
    }

    @Test
    void mountOnMissingDirectoryReportsEnoent() {
        Path target = dir.resolve("missing");
        assertThatThrownBy(() -> natives.mount("tmpfs", target, "tmpfs", 0, null))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertErrno(e, ErrnoException.ENOENT))
                .hasMessageContaining("No such file or directory");
    }

    private static String mountPoints() throws IOException {
        return Files.readString(Path.of("/proc/self/mountinfo"));
    }

    private static void assertErrno(ErrnoException e, int errno) {
        assertThat(e.errno()).isEqualTo(errno);
    }
}
