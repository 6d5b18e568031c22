package io.berth.images.internal.layer;

import io.berth.common.host.ProcessUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.images.internal.files.FileTrees;

/**
 * Extracts a layer tarball into a fresh directory without ever writing outside it. Regular files,
 * directories, symbolic and hard links are created with their modes, modification times and {@code user.*}
 * extended attributes, and with their ownership when running as root. Devices and fifos are skipped with a
 * warning as root (no mknod(2) here; the runtime provides {@code /dev}) and rejected otherwise. OCI whiteouts
 * are returned as {@link LayerChanges}, never written into the directory. Names are resolved inside the layer
 * ({@code /bin/sh} lands in {@code bin/sh}); entries that escape, that go through a symbolic link or a
 * whiteout, hard links to outside, and non-directories replacing directories are rejected with {@link io.berth.api.error.InvalidArgumentException}. On any failure the
 * target directory is removed entirely. Stateless and thread-safe.
 */
public final class LayerUnpacker {

    private static final Logger LOG = LoggerFactory.getLogger(LayerUnpacker.class);

    private final boolean asRoot;

    /** An unpacker for this process: root or not, as the JVM runs. */
    public LayerUnpacker() {
        this(ProcessUser.isRoot());
    }

    /**
     * @param asRoot unpack as root: apply ownership, skip device nodes and fifos with a warning; otherwise
     *               ownership is left to the process and device nodes and fifos are rejected
     */
    public LayerUnpacker(boolean asRoot) {
        this.asRoot = asRoot;
    }

    /**
     * Unpacks a plain or gzip-compressed tar into {@code target}, which must not exist yet.
     * The stream is not closed.
     *
     * @return the whiteouts and opaque directories of the layer
     */
    public LayerChanges unpack(InputStream archive, Path target) {
        InputStream tar;
        try {
            tar = ArchiveStreams.uncompressed(archive);
        } catch (IOException e) {
            throw LayerErrors.invalidArchive(e);
        }
        return unpackTar(tar, target);
    }

    /**
     * Unpacks an uncompressed tar into {@code target}, which must not exist yet. Reads up to the end-of-archive
     * marker; a caller hashing the stream drains the rest. The stream is not closed.
     *
     * @return the whiteouts and opaque directories of the layer
     */
    public LayerChanges unpackTar(InputStream tar, Path target) {
        createTarget(target);
        try {
            TarArchiveInputStream entries = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
            return new LayerExtraction(target, entries, asRoot).run();
        } catch (RuntimeException | Error e) {
            if (!FileTrees.deleteQuietly(target)) {
                LOG.warn("could not remove the partial layer {}; it is removed at the next start", target);
            }
            throw e;
        }
    }

    private static void createTarget(Path target) {
        try {
            Files.createDirectory(target);
        } catch (IOException e) {
            throw new BerthException("cannot create layer directory " + target + ": " + e.getMessage(), e);
        }
    }
}
