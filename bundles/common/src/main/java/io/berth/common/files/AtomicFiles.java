package io.berth.common.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash-consistent file replacement, the one way Berth persists state: a temp file in the same directory
 * (named {@code .<name>.tmp-<random>}), written and fsynced, renamed over the target with ATOMIC_MOVE, then
 * the directory fsynced. After a crash the target holds either the old or the new content; a leftover temp
 * file is recognised by {@link #isTempFile} and may be deleted at start-up. Records whose loss after a power cut
 * does not matter may skip the fsyncs ({@link #write(Path, byte[], Set, Runnable, boolean)}). Thread-safe, also for
 * one target.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final String TEMP_MARK = ".tmp-";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content} atomically and durably; creates the directory if needed. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, null);
    }

    /**
     * Replaces {@code target} with {@code content} atomically and durably, with the given permissions
     * ({@code null} for the default umask) set before the file becomes visible.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        write(target, content, permissions, null);
    }

    /**
     * {@link #write(Path, byte[], Set)}, running {@code beforeRename} (unless {@code null}) once the temp file is
     * durable and before it replaces the target: crash tests stop there.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions, Runnable beforeRename)
            throws IOException {
        write(target, content, permissions, beforeRename, true);
    }

    /**
     * Replaces {@code target} with {@code content} atomically and, only if {@code durable}, durably. Without
     * durability nothing is fsynced: a crash of the process still finds the old or the new content (both are in
     * the kernel), but a crash of the system may bring back the old content, and on file systems that do not
     * write a file's data before a rename that replaces another file (ext4 does, XFS may not) an empty target.
     * For records whose loss after a power cut does not matter; the caller says why.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions, Runnable beforeRename,
            boolean durable) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + TEMP_MARK + UUID.randomUUID());
        try {
            writeFile(temp, content, durable);
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            if (beforeRename != null) {
                beforeRename.run();
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (durable) {
            syncDirectory(dir);
        }
    }

    /** Deletes {@code target} if it exists and makes the removal durable. */
    public static void delete(Path target) throws IOException {
        if (Files.deleteIfExists(target)) {
            syncDirectory(target.toAbsolutePath().getParent());
        }
    }

    /** True for the names {@link #write} gives its temp files. */
    public static boolean isTempFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(TEMP_MARK);
    }

    /** Makes a directory's entries durable; file systems that cannot sync a directory are tolerated. */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the rename itself is still atomic; only its durability on power loss is weaker there
            LOG.debug("Cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    private static void writeFile(Path file, byte[] content, boolean durable) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                channel.force(true);
            }
        }
    }
}
