package io.berth.images.internal.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.TempNames;
import io.berth.images.internal.layer.ArchiveStreams;
import io.berth.images.internal.store.Sha256;

/**
 * The entries of an image archive, read once from its stream: every regular file is written (and hashed) to
 * a file of a temporary directory, named by its position, never by its name in the archive; symbolic and hard
 * links become aliases resolved by name inside the archive. Nothing is held in memory but names. Closing the
 * spool deletes what the store did not adopt. Not thread-safe.
 */
public final class Spool implements AutoCloseable {

    static final int MAX_ENTRIES = 100_000;
    static final long MAX_DOCUMENT_BYTES = 8L << 20;
    private static final int MAX_LINK_DEPTH = 16;
    private static final int BUFFER_SIZE = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

    private final Path dir;
    private final Map<String, SpooledFile> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final byte[] buffer = new byte[BUFFER_SIZE];

    private Spool(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads a plain or gzip-compressed tar to its end.
     *
     * @param parent where to create the temporary directory (inside the store, so adopting a file is a rename)
     * @throws InvalidArgumentException for an unreadable archive, duplicate or escaping names, or entries that
     *         are neither files, directories nor links
     */
    public static Spool read(InputStream archive, Path parent) {
        Path dir = parent.resolve(TempNames.next());
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new BerthException("cannot create a temporary directory in " + parent + ": " + e.getMessage(), e);
        }
        Spool spool = new Spool(dir);
        try {
            spool.readAll(archive);
            return spool;
        } catch (RuntimeException | Error e) {
            spool.close();
            throw e;
        }
    }

    private void readAll(InputStream archive) {
        try {
            TarArchiveInputStream tar = new TarArchiveInputStream(ArchiveStreams.uncompressed(archive),
                    StandardCharsets.UTF_8.name());
            int count = 0;
            for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
                if (++count > MAX_ENTRIES) {
                    throw ArchiveErrors.invalid("more than " + MAX_ENTRIES + " entries");
                }
                add(tar, entry, count);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(e);
        }
    }

    private static InvalidArgumentException unreadable(Exception e) {
        String detail = e instanceof EOFException || e.getMessage() == null ? "unexpected end of archive"
                : e.getMessage();
        return ArchiveErrors.invalid("cannot read the tar stream: " + detail, e);
    }

    private void add(TarArchiveInputStream tar, TarArchiveEntry entry, int position) throws IOException {
        String name = ArchiveNames.normalize(entry.getName(), "", "entry");
        if (entry.isDirectory()) {
            return;
        }
        if (name.isEmpty()) {
            throw ArchiveErrors.invalid("entry \"" + ArchiveErrors.shown(entry.getName()) + "\" is not a file");
        }
        requireNew(name);
        if (entry.isSymbolicLink()) {
            links.put(name, ArchiveNames.normalize(entry.getLinkName(), ArchiveNames.parent(name),
                    "symbolic link " + ArchiveErrors.shown(name)));
        } else if (entry.isLink()) {
            links.put(name, ArchiveNames.normalize(entry.getLinkName(), "", "hard link " + ArchiveErrors.shown(name)));
        } else if (entry.isFile() && !entry.isSparse() && !entry.isCharacterDevice() && !entry.isBlockDevice()
                && !entry.isFIFO()) {
            files.put(name, write(tar, name, dir.resolve(Integer.toString(position))));
        } else {
            throw ArchiveErrors.invalid("entry \"" + ArchiveErrors.shown(name)
                    + "\" is not a regular file, directory or link");
        }
    }

    private void requireNew(String name) {
        if (files.containsKey(name) || links.containsKey(name)) {
            throw ArchiveErrors.invalid("duplicate entry \"" + ArchiveErrors.shown(name) + "\"");
        }
    }

    private SpooledFile write(TarArchiveInputStream tar, String name, Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n = read(tar); n >= 0; n = read(tar)) {
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                size += n;
            }
        }
        return new SpooledFile(name, file, size, Sha256.format(digest));
    }

    private int read(TarArchiveInputStream tar) {
        try {
            return tar.read(buffer, 0, buffer.length);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(e);
        }
    }

    /** The file with this normalized name, following links; {@code null} when the archive has none. */
    public SpooledFile find(String name) {
        String current = name;
        for (int depth = 0; depth < MAX_LINK_DEPTH; depth++) {
            SpooledFile file = files.get(current);
            if (file != null) {
                return file;
            }
            current = links.get(current);
            if (current == null) {
                return null;
            }
        }
        throw ArchiveErrors.invalid("too many levels of links at \"" + ArchiveErrors.shown(name) + "\"");
    }

    /**
     * The file a document names, relative to the archive root.
     *
     * @param context the document that names it, for the message
     * @throws InvalidArgumentException when the name leaves the archive or the archive has no such file
     */
    public SpooledFile require(String reference, String context) {
        String name = ArchiveNames.normalize(reference, "", context);
        SpooledFile file = find(name);
        if (file == null) {
            throw ArchiveErrors.invalid(context + " refers to \"" + ArchiveErrors.shown(reference)
                    + "\", which is not in the archive");
        }
        return file;
    }

    /** True when the archive has a file of this name. */
    public boolean contains(String name) {
        return find(name) != null;
    }

    /** The bytes of a small document (JSON); larger ones are refused. */
    public byte[] readDocument(SpooledFile file) {
        if (file.size() > MAX_DOCUMENT_BYTES) {
            throw ArchiveErrors.invalid(file.name() + " is too large (" + file.size() + " bytes)");
        }
        try {
            return Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new BerthException("cannot read the spooled " + file.name() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary directory and whatever is left in it. Idempotent. */
    @Override
    public void close() {
        if (!FileTrees.deleteQuietly(dir)) {
            LOG.warn("could not delete {}; it is removed at the next start", dir);
        }
    }
}
