package io.berth.images.internal.snapshot;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.PosixAttributes;

/**
 * Copies one layer directory over a root filesystem: files and links of the layer replace what is there,
 * directories merge. Symbolic links are copied as links and never followed; hard links within the layer stay
 * hard links; modes (setuid included), modification times and, when {@code owner}, ownership are kept.
 * Directory attributes are applied after their content. Not thread-safe (one per copy).
 */
final class TreeCopier extends SimpleFileVisitor<Path> {

    private static final Logger LOG = LoggerFactory.getLogger(TreeCopier.class);
    private static final int OWNER_RWX = 0700;

    private final Path layer;
    private final Path target;
    private final boolean owner;
    private final Map<Object, Path> copiedInodes = new HashMap<>();

    private TreeCopier(Path layer, Path target, boolean owner) {
        this.layer = layer;
        this.target = target;
        this.owner = owner;
    }

    /** Applies {@code layer} on top of {@code target} (an existing directory). */
    static void copy(Path layer, Path target, boolean owner) throws IOException {
        Files.walkFileTree(layer, new TreeCopier(layer, target, owner));
    }

    private Path destination(Path source) {
        return target.resolve(layer.relativize(source).toString());
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path dest = destination(dir);
        BasicFileAttributes existing = attributesOrNull(dest);
        if (existing != null && !existing.isDirectory()) {
            Files.delete(dest);
            existing = null;
        }
        if (existing == null) {
            Files.createDirectory(dest);
        }
        PosixAttributes.setMode(dest, PosixAttributes.mode(dest) | OWNER_RWX);
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
            throw e;
        }
        PosixAttributes.copy(dir, destination(dir), owner);
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
            LOG.warn("not copying special file {}", file);
            return FileVisitResult.CONTINUE;
        }
        Path dest = destination(file);
        clear(dest);
        Path linkedCopy = attrs.isRegularFile() ? copiedInodes.get(attrs.fileKey()) : null;
        if (linkedCopy != null) {
            Files.createLink(dest, linkedCopy);
        } else {
            Files.copy(file, dest, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            rememberIfLinked(file, attrs, dest);
        }
        if (attrs.isSymbolicLink()) {
            copyLinkTime(dest, attrs);
        }
        return FileVisitResult.CONTINUE;
    }

    /** The JDK copies a link's ownership but not its times. */
    private static void copyLinkTime(Path dest, BasicFileAttributes attrs) {
        try {
            PosixAttributes.setModifiedTime(dest, attrs.lastModifiedTime());
        } catch (IOException e) {
            LOG.debug("cannot set the time of link {}: {}", dest, e.getMessage());
        }
    }

    private void rememberIfLinked(Path file, BasicFileAttributes attrs, Path dest) throws IOException {
        if (attrs.isRegularFile() && attrs.fileKey() != null
                && (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS) > 1) {
            copiedInodes.put(attrs.fileKey(), dest);
        }
    }

    private static void clear(Path dest) throws IOException {
        BasicFileAttributes existing = attributesOrNull(dest);
        if (existing == null) {
            return;
        }
        if (existing.isDirectory()) {
            FileTrees.deleteRecursively(dest);
        } else {
            Files.delete(dest);
        }
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
