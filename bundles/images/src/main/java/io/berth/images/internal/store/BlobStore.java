package io.berth.images.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.berth.api.error.BerthException;
import io.berth.images.internal.files.TempNames;

/**
 * Content-addressed blobs in {@code blobs/sha256/<hex>}: layer archives (compressed or not) and image configs.
 * A blob file only ever appears complete and verified. Thread-safe (the file system arbitrates).
 */
public final class BlobStore {

    private final Path dir;

    public BlobStore(Path dir) {
        this.dir = dir;
    }

    /** Starts writing a new blob. */
    public BlobWriter newWriter() {
        return new BlobWriter(dir);
    }

    /** Stores a small blob held in memory. */
    public Blob put(byte[] content) {
        try (BlobWriter writer = newWriter()) {
            writer.stream().write(content);
            return writer.commit(null);
        } catch (IOException e) {
            throw new BerthException("cannot store a blob: " + e.getMessage(), e);
        }
    }

    /** The file of a blob (which may not exist). */
    public Path path(String digest) {
        return dir.resolve(Sha256.hex(digest));
    }

    public boolean exists(String digest) {
        return Files.isRegularFile(path(digest));
    }

    /** The content of a blob. */
    public byte[] read(String digest) throws IOException {
        return Files.readAllBytes(path(digest));
    }

    /** Deletes a blob; a missing one is not an error. */
    public void delete(String digest) throws IOException {
        Files.deleteIfExists(path(digest));
    }

    /** Digests of every complete blob. */
    public Set<String> list() throws IOException {
        Set<String> digests = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(name -> !TempNames.isTemporary(name) && Sha256.isHex(name))
                    .forEach(hex -> digests.add(Sha256.PREFIX + hex));
        }
        return digests;
    }
}
