package io.berth.nativeio.internal.linux;

import java.io.IOException;
import java.nio.file.Path;

import com.sun.jna.NativeLong;

import io.berth.nativeio.Mounts;

/** mount(2) and umount2(2) through libc. Thread-safe. */
final class LinuxMounts implements Mounts {

    private final Syscalls sys;

    LinuxMounts(Syscalls sys) {
        this.sys = sys;
    }

    @Override
    public void mount(String source, Path target, String fstype, long flags, String data) throws IOException {
        String what = "mount " + source + " on " + target + (fstype == null ? "" : " (" + fstype + ")");
        sys.call(what, () -> sys.libc().mount(source, target.toString(), fstype, new NativeLong(flags), data));
    }

    @Override
    public void umount(Path target, int flags) throws IOException {
        sys.call("umount " + target, () -> sys.libc().umount2(target.toString(), flags));
    }
}
