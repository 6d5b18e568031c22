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
import java.util.stream.Stream;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.files.AtomicFiles;
import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.TempNames;
import io.berth.images.internal.layer.ArchiveStreams;
import io.berth.images.internal.layer.LayerErrors;
import io.berth.images.internal.layer.LayerUnpacker;

/**
 * Unpacked layers in {@code layers/<diffid-hex>/}, each unpacked once per diff-id: into a temporary directory,
 * then renamed. Thread-safe: concurrent unpacks of one diff-id race harmlessly (the first rename wins).
 */
public final class LayerStore {

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
        if (exists(diffId)) {
            return false;
        }
        Path temp = dir.resolve(TempNames.next());
        String actual = unpackHashing(archive, temp);
        if (!actual.equals(diffId)) {
            FileTrees.deleteQuietly(temp);
            throw new InvalidArgumentException("layer content does not match its diff-id: expected " + diffId
                    + ", got " + actual);
        }
        return moveIntoPlace(temp, path(diffId));
    }

    private String unpackHashing(Path archive, Path temp) {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream raw = Files.newInputStream(archive)) {
            InputStream tar = new DigestInputStream(ArchiveStreams.uncompressed(raw), digest);
            unpacker.unpackTar(tar, temp);
            tar.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            FileTrees.deleteQuietly(temp);
            throw LayerErrors.invalidArchive(e);
        }
        return Sha256.format(digest);
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
