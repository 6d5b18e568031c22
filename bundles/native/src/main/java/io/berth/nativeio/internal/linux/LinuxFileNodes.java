package io.berth.nativeio.internal.linux;

import java.io.IOException;
import java.nio.file.Path;

import com.sun.jna.NativeLong;

import io.berth.nativeio.FileNodes;

/** mknod(2) and lsetxattr(2) through libc. Thread-safe. */
final class LinuxFileNodes implements FileNodes {

    private static final int S_IFCHR = 0020000;

    private final Syscalls sys;

    LinuxFileNodes(Syscalls sys) {
        this.sys = sys;
    }

    @Override
    public void whiteout(Path path) throws IOException {
        sys.call("mknod " + path + " c 0 0", () -> sys.libc().mknod(path.toString(), S_IFCHR, 0L));
    }

    @Override
    public void setXattr(Path path, String name, byte[] value) throws IOException {
        sys.call("lsetxattr " + name + " on " + path,
                () -> sys.libc().lsetxattr(path.toString(), name, value, new NativeLong(value.length), 0));
    }
}
