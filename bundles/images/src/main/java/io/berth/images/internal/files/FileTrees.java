package io.berth.images.internal.files;

import io.berth.common.host.ProcessUser;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/** Whole-tree operations that never follow symbolic links. */
public final class FileTrees {

    private static final int OWNER_RWX = 0700;

    private FileTrees() {
    }

    /**
     * Deletes {@code root} and everything below it; symbolic links are deleted, never followed. A missing
     * root is not an error. Never crosses into another file system: a directory mounted below {@code root}
     * fails the deletion instead of losing what is mounted there. Directories without owner permissions are
     * opened up first so a non-root process can delete what it unpacked.
     */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Object rootDevice = device(root);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (rootDevice != null && !rootDevice.equals(device(dir))) {
                    throw new FileSystemException(dir.toString(), null,
                            "a file system is mounted here; not deleting across it");
                }
                ensureOwnerAccess(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Like {@link #deleteRecursively(Path)}, but reports failure as {@code false} instead of throwing. */
    public static boolean deleteQuietly(Path root) {
        try {
            deleteRecursively(root);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Object device(Path path) throws IOException {
        try {
            return Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void ensureOwnerAccess(Path dir) throws IOException {
        if (ProcessUser.isRoot()) {
            return;
        }
        int mode = PosixAttributes.mode(dir);
        if ((mode & OWNER_RWX) != OWNER_RWX) {
            PosixAttributes.setMode(dir, mode | OWNER_RWX);
        }
    }

    /** Total bytes of the regular files under {@code root}, each hard-linked file counted once. */
    public static long regularFileBytes(Path root) throws IOException {
        Set<Object> seen = new HashSet<>();
        long[] total = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Object key = attrs.fileKey();
                if (attrs.isRegularFile() && (key == null || seen.add(key))) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
