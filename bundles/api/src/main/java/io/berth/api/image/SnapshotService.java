package io.berth.api.image;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Prepares container root filesystems from images: a writable view of the image's layers that belongs to
 * one key (the container id). Thread-safe; calls for different keys never block each other.
 */
@ProviderType
public interface SnapshotService {

    /**
     * Makes the writable root filesystem for {@code key} from the image, or returns the existing one.
     * Idempotent: a second call with the same key returns the same path.
     *
     * @return the directory to use as the container's root
     */
    Path prepare(String key, String imageId);

    /** Where the root filesystem of {@code key} is, if prepared; {@code null} otherwise. */
    Path path(String key);

    /** Unmounts and deletes the snapshot of {@code key}. Idempotent: an unknown key is not an error. */
    void remove(String key);

    /**
     * Unmounts the root filesystem of {@code key} and keeps its files: {@link #prepare} mounts it again, and
     * {@link #remove} deletes it. Nothing happens for a snapshot that is not a mount (a copy), one not mounted,
     * or an unknown key. The default, for services whose snapshots are never mounts, does nothing.
     *
     * @since 1.3
     */
    default void unmount(String key) {
    }
}
