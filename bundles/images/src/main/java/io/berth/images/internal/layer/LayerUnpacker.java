package io.berth.images.internal.layer;

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
import io.berth.images.internal.files.ProcessIdentity;

/**
 * Extracts a layer tarball into a fresh directory without ever writing outside it. Regular files,
 * directories, symbolic and hard links are created with their modes and modification times, and with their
 * ownership when running as root; devices and fifos are skipped (the runtime provides {@code /dev}); OCI
 * whiteouts are skipped. Names are resolved inside the layer ({@code /bin/sh} lands in {@code bin/sh});
 * entries that escape, that go through a symbolic link, hard links to outside, and non-directories replacing
 * directories are rejected with {@link io.berth.api.error.InvalidArgumentException}. On any failure the
 * target directory is removed entirely. Stateless and thread-safe.
 */
public final class LayerUnpacker {

    private static final Logger LOG = LoggerFactory.getLogger(LayerUnpacker.class);

    private final boolean applyOwnership;

    /** An unpacker that applies ownership exactly when the JVM runs as root. */
    public LayerUnpacker() {
        this(ProcessIdentity.isRoot());
    }

    public LayerUnpacker(boolean applyOwnership) {
        this.applyOwnership = applyOwnership;
    }

    /**
     * Unpacks a plain or gzip-compressed tar into {@code target}, which must not exist yet.
     * The stream is not closed.
     */
    public void unpack(InputStream archive, Path target) {
        InputStream tar;
        try {
            tar = ArchiveStreams.uncompressed(archive);
        } catch (IOException e) {
            throw LayerErrors.invalidArchive(e);
        }
        unpackTar(tar, target);
    }

    /**
     * Unpacks an uncompressed tar into {@code target}, which must not exist yet. Reads up to the end-of-archive
     * marker; a caller hashing the stream drains the rest. The stream is not closed.
     */
    public void unpackTar(InputStream tar, Path target) {
        createTarget(target);
        try {
            TarArchiveInputStream entries = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
            new LayerExtraction(target, entries, applyOwnership).run();
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
