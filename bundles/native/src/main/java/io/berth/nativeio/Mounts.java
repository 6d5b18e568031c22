package io.berth.nativeio;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * mount(2) and umount2(2) without forking {@code mount}. Thread-safe; needs CAP_SYS_ADMIN.
 */
@ProviderType
public interface Mounts {

    /** Mount read-only. */
    long MS_RDONLY = 1L;
    /** Ignore set-user-ID and set-group-ID bits. */
    long MS_NOSUID = 2L;
    /** Disallow access to device files. */
    long MS_NODEV = 4L;
    /** Disallow program execution. */
    long MS_NOEXEC = 8L;
    /** Change the flags of an existing mount. */
    long MS_REMOUNT = 32L;
    /** Bind mount: make {@code source} visible at {@code target}. */
    long MS_BIND = 4096L;
    /** With {@link #MS_BIND}: include submounts; with a propagation flag: apply to submounts. */
    long MS_REC = 16384L;
    /** Make the mount private (no propagation). */
    long MS_PRIVATE = 1L << 18;
    /** Make the mount a slave of its peer group. */
    long MS_SLAVE = 1L << 19;

    /** umount2 flag: force the unmount even if busy (network file systems). */
    int MNT_FORCE = 1;
    /** umount2 flag: detach now, clean up when no longer busy (lazy unmount). */
    int MNT_DETACH = 2;
    /** umount2 flag: do not follow {@code target} if it is a symbolic link. */
    int UMOUNT_NOFOLLOW = 8;

    /**
     * Mounts a file system.
     *
     * @param source device, directory or pseudo name ({@code overlay}, {@code tmpfs})
     * @param target existing directory to mount on
     * @param fstype file system type, or {@code null} for bind mounts and remounts
     * @param flags  {@code MS_*} flags
     * @param data   file-system specific options ({@code lowerdir=...}), or {@code null}
     * @throws ErrnoException with errno and the system's text when the call fails
     */
    void mount(String source, Path target, String fstype, long flags, String data) throws IOException;

    /**
     * Unmounts the file system mounted on {@code target}.
     *
     * @param flags {@code MNT_*} / {@code UMOUNT_*} flags
     * @throws ErrnoException {@code EINVAL} when {@code target} is not a mount point
     */
    void umount(Path target, int flags) throws IOException;
}
