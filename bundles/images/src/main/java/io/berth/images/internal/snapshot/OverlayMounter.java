package io.berth.images.internal.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

import io.berth.api.error.BerthException;
import io.berth.api.error.UnavailableException;
import io.berth.common.host.MountTable;
import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.Mounts;

/**
 * Mounts and unmounts the overlay of one snapshot through the bound {@link Mounts} service, checking the
 * mount table (not the file system) to know what is mounted. Thread-safe; callers serialize per snapshot.
 */
final class OverlayMounter {

    /** Overlays stacked on one directory by accident are unmounted one by one, up to this many. */
    static final int MAX_UNMOUNTS = 8;

    private final OverlaySupport overlays;
    private final Predicate<Path> mounted;

    /**
     * @param mounted tells whether a directory is a mount point ({@link MountTable#isMounted} in production)
     */
    OverlayMounter(OverlaySupport overlays, Predicate<Path> mounted) {
        this.overlays = overlays;
        this.mounted = mounted;
    }

    boolean isMounted(Path merged) {
        return mounted.test(merged);
    }

    /**
     * Mounts an overlay with {@code options} on {@code merged}.
     *
     * @throws UnavailableException when no {@link Mounts} service is bound
     * @throws IOException          with the system's reason when the mount fails
     */
    void mount(String key, Path merged, String options) throws IOException {
        requireMounts("mount", key).mount("overlay", merged, "overlay", 0, options);
    }

    /**
     * Unmounts whatever is mounted on {@code merged}; a busy mount is detached (lazy unmount: it goes once the
     * last process using it lets go). Nothing mounted is not an error.
     *
     * @throws UnavailableException when something is mounted but no {@link Mounts} service is bound
     * @throws BerthException       when the system refuses
     */
    void unmount(String key, Path merged) {
        // each test reads the mount table: test once per unmount, not again before giving up
        boolean stillMounted = mounted.test(merged);
        for (int i = 0; i < MAX_UNMOUNTS && stillMounted; i++) {
            unmountOnce(requireMounts("unmount", key), key, merged);
            stillMounted = mounted.test(merged);
        }
        if (stillMounted) {
            throw new BerthException("the root filesystem of " + key + " is still mounted on " + merged + " after "
                    + MAX_UNMOUNTS + " unmounts");
        }
    }

    private static void unmountOnce(Mounts mounts, String key, Path merged) {
        try {
            mounts.umount(merged, Mounts.UMOUNT_NOFOLLOW);
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.EBUSY) {
                detach(mounts, key, merged);
            } else if (e.errno() != ErrnoException.EINVAL) {
                throw cannotUnmount(key, e);
            }
            // EINVAL: no longer a mount point, someone else unmounted it
        } catch (IOException e) {
            throw cannotUnmount(key, e);
        }
    }

    private static void detach(Mounts mounts, String key, Path merged) {
        try {
            mounts.umount(merged, Mounts.MNT_DETACH | Mounts.UMOUNT_NOFOLLOW);
        } catch (IOException e) {
            throw cannotUnmount(key, e);
        }
    }

    private static BerthException cannotUnmount(String key, IOException e) {
        return new BerthException("cannot unmount the root filesystem of " + key + ": " + e.getMessage(), e);
    }

    private Mounts requireMounts(String what, String key) {
        Mounts mounts = overlays.mounts();
        if (mounts == null) {
            throw new UnavailableException("cannot " + what + " the root filesystem of " + key + ": "
                    + overlays.problem());
        }
        return mounts;
    }
}
