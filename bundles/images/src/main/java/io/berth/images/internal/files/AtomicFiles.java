package io.berth.images.internal.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.berth.api.error.BerthException;

/**
 * Crash-consistent file replacement: write a temporary file in the same directory, fsync it, rename it over
 * the target, fsync the directory. After a crash the target holds either the old or the new content.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content} atomically and durably.
     *
     * @throws BerthException when the file system refuses the write
     */
    public static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(TempNames.next());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new BerthException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new file and fsyncs it, under its final name: for a file inside a directory that nobody sees yet
     * and that {@link #moveIntoPlace} then renames into place as a whole (its directory fsync makes the renamed
     * directory, and the entries the file fsync committed, durable). Fails if the file exists.
     */
    public static void writeNew(Path target, byte[] content) {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new BerthException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Renames {@code source} to {@code target} atomically (replacing a file), then fsyncs the directory. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes the directory's entries durable. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Fsyncs a regular file. */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Deletes a file if it exists, ignoring failures (for cleanup paths that already report an error). */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the caller is already failing; a leftover temp file is removed at the next start
        }
    }
}
