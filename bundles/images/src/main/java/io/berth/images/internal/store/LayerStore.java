package io.berth.images.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.config.Json;
import io.berth.images.internal.files.AtomicFiles;
import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.ProgressInputStream;
import io.berth.images.internal.files.TempNames;
import io.berth.images.internal.layer.ArchiveStreams;
import io.berth.images.internal.layer.LayerChanges;
import io.berth.images.internal.layer.LayerErrors;
import io.berth.images.internal.layer.LayerUnpacker;

/**
 * Unpacked layers in {@code layers/<diffid-hex>/}, each unpacked once per diff-id and shared by every image
 * that has it: into a temporary directory, then renamed. A layer with OCI whiteouts also has
 * {@code layers/<diffid-hex>.json} ({@link LayerChanges}), written before the directory appears and deleted
 * after it is gone, so a layer directory never lacks it; an orphan is removed at start. Thread-safe:
 * concurrent unpacks of one diff-id race harmlessly (the first rename wins; both computed the same changes).
 */
public final class LayerStore {

    private static final String CHANGES_SUFFIX = ".json";
    private static final int PROGRESS_STEP = 1 << 20;

    private final Path dir;
    private final LayerUnpacker unpacker;

    public LayerStore(Path dir, LayerUnpacker unpacker) {
        this.dir = dir;
        this.unpacker = unpacker;
    }

    /** The directory of a layer (which may not exist). */
    public Path path(String diffId) {
        return dir.resolve(Sha256.hex(diffId));
    }

    public boolean exists(String diffId) {
        return Files.isDirectory(path(diffId));
    }

    /**
     * Unpacks a layer archive (plain or gzip) unless the layer exists, checking that its uncompressed bytes
     * hash to {@code diffId}.
     *
     * @return true when this call created the layer
     * @throws InvalidArgumentException for a hostile or malformed archive or a diff-id mismatch
     */
    public boolean unpack(Path archive, String diffId) {
        return unpack(archive, diffId, bytes -> { });
    }

    /**
     * Like {@link #unpack(Path, String)}, reporting the archive bytes read so far to {@code progress} (about
     * every MiB, and once at the end).
     */
    public boolean unpack(Path archive, String diffId, LongConsumer progress) {
        if (exists(diffId)) {
            return false;
        }
        Path temp = dir.resolve(TempNames.next());
        MessageDigest digest = Sha256.newDigest();
        LayerChanges changes = unpackHashing(archive, temp, digest, progress);
        String actual = Sha256.format(digest);
        if (!actual.equals(diffId)) {
            FileTrees.deleteQuietly(temp);
            throw new InvalidArgumentException("layer content does not match its diff-id: expected " + diffId
                    + ", got " + actual);
        }
        try {
            if (!changes.isEmpty()) {
                AtomicFiles.write(changesFile(diffId), Json.write(changes));
            }
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(temp);
            throw e;
        }
        return moveIntoPlace(temp, path(diffId));
    }

    /**
     * Checks that an archive's uncompressed content hashes to {@code diffId} without unpacking it (for a layer
     * that is already unpacked, so that a blob is never recorded under a diff-id it does not have).
     *
     * @throws InvalidArgumentException on a mismatch or an unreadable archive
     */
    public void verify(Path archive, String diffId, LongConsumer progress) {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream raw = new ProgressInputStream(Files.newInputStream(archive), PROGRESS_STEP, progress)) {
            new DigestInputStream(ArchiveStreams.uncompressed(raw), digest).transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw LayerErrors.invalidArchive(e);
        }
        String actual = Sha256.format(digest);
        if (!actual.equals(diffId)) {
            throw new InvalidArgumentException("layer content does not match its diff-id: expected " + diffId
                    + ", got " + actual);
        }
    }

    private LayerChanges unpackHashing(Path archive, Path temp, MessageDigest digest, LongConsumer progress) {
        try (InputStream raw = new ProgressInputStream(Files.newInputStream(archive), PROGRESS_STEP, progress)) {
            InputStream tar = new DigestInputStream(ArchiveStreams.uncompressed(raw), digest);
            LayerChanges changes = unpacker.unpackTar(tar, temp);
            tar.transferTo(OutputStream.nullOutputStream());
            return changes;
        } catch (IOException e) {
            FileTrees.deleteQuietly(temp);
            throw LayerErrors.invalidArchive(e);
        }
    }

    /**
     * The whiteouts and opaque directories of a layer; none for a layer without them (or unpacked before
     * they were recorded).
     */
    public LayerChanges changes(String diffId) {
        Path file = changesFile(diffId);
        if (!Files.exists(file)) {
            return LayerChanges.NONE;
        }
        try {
            return Json.read(Files.readAllBytes(file), LayerChanges.class);
        } catch (IOException e) {
            throw new BerthException("cannot read the whiteouts of layer " + diffId + ": " + e.getMessage(), e);
        }
    }

    private Path changesFile(String diffId) {
        return dir.resolve(Sha256.hex(diffId) + CHANGES_SUFFIX);
    }

    /** Deletes a layer directory and then its whiteout record. */
    void delete(String diffId) throws IOException {
        FileTrees.deleteRecursively(path(diffId));
        Files.deleteIfExists(changesFile(diffId));
    }

    /** Deletes whiteout records whose layer directory does not exist (a crash between the two steps). */
    void removeOrphanChanges() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(CHANGES_SUFFIX)) {
                    String hex = name.substring(0, name.length() - CHANGES_SUFFIX.length());
                    if (Sha256.isHex(hex) && !Files.isDirectory(dir.resolve(hex), LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /** Renames the unpacked layer into place; losing the race against an identical unpack is fine. */
    private boolean moveIntoPlace(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(dir);
            return true;
        } catch (IOException e) {
            FileTrees.deleteQuietly(temp);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            throw new BerthException("cannot store layer " + target + ": " + e.getMessage(), e);
        }
    }

    /** Bytes of the regular files in a layer (hard links counted once). */
    public long size(String diffId) throws IOException {
        return FileTrees.regularFileBytes(path(diffId));
    }

    /**
     * Moves a layer out of the way under a temporary name, so it vanishes from its final name at once.
     *
     * @return the detached directory to delete, or {@code null} when the layer did not exist
     */
    public Path detach(String diffId) throws IOException {
        Path layer = path(diffId);
        if (!Files.exists(layer)) {
            return null;
        }
        Path detached = dir.resolve(TempNames.next());
        Files.move(layer, detached, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(changesFile(diffId));
        return detached;
    }

    /** Diff-ids of every unpacked layer. */
    public Set<String> list() throws IOException {
        Set<String> diffIds = new TreeSet<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> !TempNames.isTemporary(name) && Sha256.isHex(name))
                    .forEach(hex -> diffIds.add(Sha256.PREFIX + hex));
        }
        return diffIds;
    }
}
