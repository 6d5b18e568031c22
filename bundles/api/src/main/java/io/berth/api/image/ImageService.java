package io.berth.api.image;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The image store. Thread-safe. Content is addressed by sha256 digest; metadata writes are atomic.
 * Errors: {@code NotFoundException} for an unknown reference, {@code InvalidArgumentException} for a
 * malformed reference or archive, {@code ConflictException} when an image in use would be deleted.
 */
@ProviderType
public interface ImageService {

    /**
     * Creates a single-layer image from a tarball of a root filesystem (plain or gzip-compressed).
     * Entries that would land outside the layer ({@code ..}, absolute paths, symlink or hardlink escapes)
     * are rejected and nothing of the import remains.
     */
    ImageInfo importImage(InputStream rootfsTar, ImportOptions options);

    /** Images in the store; with {@code all = false}, images that only serve as parents are left out. */
    List<ImageInfo> list(boolean all);

    /** Resolves a reference, id or unique id prefix. */
    ImageInfo inspect(String ref);

    /** Adds the reference {@code target} to the image {@code source} names. */
    void tag(String source, String target);

    /**
     * Removes a reference, and the image when no reference is left. Naming an image by id with several
     * references needs {@code force}. An image used by a container is not deleted without {@code force}
     * ({@code ConflictException}); with {@code force}, only its references are removed.
     *
     * @param noPrune keep untagged parents (accepted for compatibility; single-layer images have none)
     */
    List<ImageRemoval> remove(String ref, boolean force, boolean noPrune);

    /**
     * Loads images from a {@code docker save} archive or an OCI image layout in a tar, plain or gzip-compressed,
     * read as a stream. Every blob is verified against its digest; entries that would land outside the store
     * are rejected. On failure nothing of the load remains.
     *
     * @since 1.1
     */
    LoadResult load(InputStream archive, ProgressListener progress);

    /**
     * Writes the named images (references or ids) as one {@code docker save}-compatible tar to {@code out},
     * streamed. Does not close {@code out}.
     *
     * @since 1.1
     */
    void save(List<String> refs, OutputStream out);

    /** The image's history, newest step first. @since 1.1 */
    List<HistoryEntry> history(String ref);

    /**
     * Deletes dangling images (no reference) that no container uses; with {@code all}, every image no
     * container uses.
     *
     * @since 1.1
     */
    PruneResult prune(boolean all);

    /**
     * Pulls an image from its registry (OCI distribution API): resolves a multi-platform index to one platform,
     * verifies the manifest and every blob against its digest, downloads missing layers concurrently, and
     * tags the image with the reference (and its repository digest). Progress arrives as Docker's pull
     * messages ("Pulling fs layer", "Downloading", "Pull complete", "Digest: ...", "Status: ..."); calls to
     * {@code progress} are serialized but may come from several threads. On failure nothing of the pull remains.
     *
     * @throws io.berth.api.error.NotFoundException        for an unknown repository, tag or digest
     * @throws io.berth.api.error.UnauthorizedException    when the registry refuses the credentials (or their absence)
     * @throws io.berth.api.error.InvalidArgumentException for a malformed reference or platform, or content that
     *                                                     does not match its digest
     * @since 1.2
     */
    PullResult pull(String ref, PullOptions options, ProgressListener progress);

    /**
     * Checks credentials with a registry as {@code docker login} does: the registry's {@code /v2/} is asked with
     * them (through its token service when it names one, else with basic authentication). A registry that asks
     * for no credentials accepts any. Nothing is stored: clients keep their credentials and send them with each
     * pull.
     *
     * @param auth the credentials, for the registry {@link RegistryAuth#serverAddress()} ({@code host[:port]}, a
     *             URL of it, or empty for Docker Hub)
     * @throws io.berth.api.error.UnauthorizedException    when the registry refuses them
     * @throws io.berth.api.error.InvalidArgumentException for a malformed server address
     * @since 1.4
     */
    void login(RegistryAuth auth);
}
