package io.berth.images.internal.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.Mounts;

/** A mount table in memory: records calls, can refuse mounts and be busy on unmount. Thread-safe. */
final class FakeMounts implements Mounts {

    final Map<Path, String> mounted = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile ErrnoException mountFailure;
    volatile int busyUnmounts;

    @Override
    public void mount(String source, Path target, String fstype, long flags, String data) throws IOException {
        calls.add("mount " + source + " " + fstype + " " + target + " " + data);
        if (mountFailure != null) {
            throw mountFailure;
        }
        mounted.put(target.normalize(), data);
    }

    @Override
    public void umount(Path target, int flags) throws IOException {
        calls.add("umount " + target + " " + flags);
        if (!mounted.containsKey(target.normalize())) {
            throw new ErrnoException("umount " + target + ": Invalid argument", ErrnoException.EINVAL);
        }
        if ((flags & MNT_DETACH) == 0 && busyUnmounts > 0) {
            busyUnmounts--;
            throw new ErrnoException("umount " + target + ": Device or resource busy", ErrnoException.EBUSY);
        }
        mounted.remove(target.normalize());
    }

    boolean isMounted(Path path) {
        return mounted.containsKey(path.normalize());
    }

    /** Forgets every mount, as a reboot does. */
    void reboot() {
        mounted.clear();
    }
}
