package io.berth.images.internal.layer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link LayerUnpacker}: extracts the entries in order, then applies directory metadata deepest
 * first (children change their parent's modification time, and a read-only directory must stay writable
 * until its children exist). Single use, not thread-safe.
 */
final class LayerExtraction {

    private static final Logger LOG = LoggerFactory.getLogger(LayerExtraction.class);
    private static final int IMPLICIT_DIRECTORY_MODE = 0755;

    private final Path root;
    private final TarArchiveInputStream tar;
    private final EntryWriter writer;
    private final Map<Path, EntryMetadata> directories = new LinkedHashMap<>();
    private final Set<String> whiteouts = new LinkedHashSet<>();
    private final Set<String> opaqueDirs = new LinkedHashSet<>();
    private final boolean asRoot;

    /**
     * @param asRoot the process is root: ownership is applied, and device nodes and fifos are skipped with a
     *               warning (creating them needs mknod(2), which the JDK lacks); otherwise they are rejected
     */
    LayerExtraction(Path root, TarArchiveInputStream tar, boolean asRoot) {
        this.root = root;
        this.tar = tar;
        this.writer = new EntryWriter(tar, asRoot);
        this.asRoot = asRoot;
    }

    /** Extracts every entry; returns the whiteouts and opaque directories found (recorded, never written). */
    LayerChanges run() {
        boolean anyEntry = false;
        for (TarArchiveEntry entry = nextEntry(); entry != null; entry = nextEntry()) {
            anyEntry = true;
            extract(entry);
        }
        if (!anyEntry && tar.getBytesRead() < TarConstants.DEFAULT_RCDSIZE) {
            // commons-compress reads a stream shorter than one header as an empty archive; it is not a tar
            throw LayerErrors.notATar(tar.getBytesRead());
        }
        applyDirectoryMetadata();
        return new LayerChanges(List.copyOf(whiteouts), List.copyOf(opaqueDirs));
    }

    private TarArchiveEntry nextEntry() {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw LayerErrors.invalidArchive(e);
        }
    }

    private void extract(TarArchiveEntry entry) {
        String name = entry.getName();
        EntryPath path = EntryPath.of(name, name, "path");
        if (path.goesThroughWhiteout()) {
            throw LayerErrors.invalidEntry(name, "path goes through a whiteout");
        }
        try {
            if (path.isWhiteout()) {
                recordWhiteout(path, name);
            } else if (path.isRoot()) {
                extractRoot(entry, name);
            } else {
                dispatch(entry, prepareParents(path, name), name);
            }
        } catch (IOException e) {
            throw LayerErrors.storageFailure(name, e);
        }
    }

    /**
     * Records a whiteout; its directory is created in the layer like any parent (overlay keeps whiteouts in a
     * real directory of the upper layer).
     */
    private void recordWhiteout(EntryPath path, String name) throws IOException {
        String fileName = path.fileName();
        List<String> parent = path.parent();
        if (fileName.equals(EntryPath.OPAQUE_MARKER)) {
            prepareParents(path, name);
            opaqueDirs.add(EntryPath.absolute(parent));
            return;
        }
        if (fileName.startsWith(EntryPath.AUFS_META_PREFIX)) {
            LOG.debug("skipping aufs metadata {}", name);
            return;
        }
        String target = fileName.substring(EntryPath.WHITEOUT_PREFIX.length());
        if (target.isEmpty() || target.equals(".") || target.equals("..")) {
            throw LayerErrors.invalidEntry(name, "whiteout escapes the layer or names nothing");
        }
        prepareParents(path, name);
        List<String> deleted = new ArrayList<>(parent);
        deleted.add(target);
        whiteouts.add(EntryPath.absolute(deleted));
    }

    private void extractRoot(TarArchiveEntry entry, String name) {
        if (!entry.isDirectory()) {
            throw LayerErrors.invalidEntry(name, "would replace the layer root");
        }
        directories.put(root, EntryMetadata.of(entry));
    }

    private void dispatch(TarArchiveEntry entry, Path dest, String name) throws IOException {
        if (entry.isDirectory()) {
            extractDirectory(entry, dest, name);
        } else if (entry.isSymbolicLink()) {
            writer.symlink(entry, clearSlot(dest, name));
        } else if (entry.isLink()) {
            Path target = existingLinkTarget(entry.getLinkName(), dest, name);
            writer.hardlink(target, clearSlot(dest, name));
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            special(name);
        } else if (isRegularFile(entry)) {
            writer.regularFile(entry, clearSlot(dest, name));
        } else {
            LOG.warn("skipping {}: unsupported tar entry type '{}'", name, (char) entry.getLinkFlag());
        }
    }

    private void special(String name) {
        if (!asRoot) {
            throw LayerErrors.invalidEntry(name, "device nodes and fifos can only be unpacked when the engine "
                    + "runs as root");
        }
        LOG.warn("skipping device or fifo {}: creating it needs mknod, which Berth does not use yet "
                + "(the runtime provides /dev)", name);
    }

    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM
                || flag == TarConstants.LF_CONTIG || entry.isSparse();
    }

    private void extractDirectory(TarArchiveEntry entry, Path dest, String name) throws IOException {
        BasicFileAttributes existing = attributesOrNull(dest);
        if (existing != null && !existing.isDirectory()) {
            Files.delete(dest);
            existing = null;
        }
        if (existing == null) {
            Files.createDirectory(dest);
        }
        directories.put(dest, EntryMetadata.of(entry));
    }

    /** Creates missing parents; rejects a parent that is a symbolic link or not a directory. */
    private Path prepareParents(EntryPath path, String name) throws IOException {
        List<String> components = path.components();
        Path current = root;
        for (String component : components.subList(0, components.size() - 1)) {
            current = current.resolve(component);
            BasicFileAttributes attributes = attributesOrNull(current);
            if (attributes == null) {
                Files.createDirectory(current);
                writer.setMode(current, IMPLICIT_DIRECTORY_MODE);
            } else {
                requireRealDirectory(attributes, name, "path goes through a symbolic link",
                        "a parent is not a directory");
            }
        }
        return current.resolve(components.get(components.size() - 1));
    }

    /** Removes a non-directory at {@code dest} so a new entry can take its place; refuses to replace a directory. */
    private Path clearSlot(Path dest, String name) throws IOException {
        BasicFileAttributes existing = attributesOrNull(dest);
        if (existing != null && existing.isDirectory()) {
            throw LayerErrors.invalidEntry(name, "would replace a directory");
        }
        if (existing != null) {
            Files.delete(dest);
        }
        return dest;
    }

    private Path existingLinkTarget(String linkName, Path dest, String name) throws IOException {
        EntryPath target = EntryPath.of(linkName, name, "hardlink target");
        if (target.isRoot()) {
            throw LayerErrors.invalidEntry(name, "hardlink target is the layer root");
        }
        Path current = root;
        for (String component : target.components()) {
            requireNoSymlinkParent(current, name);
            current = current.resolve(component);
        }
        BasicFileAttributes attributes = attributesOrNull(current);
        if (attributes == null) {
            throw LayerErrors.invalidEntry(name, "hardlink target does not exist");
        }
        if (attributes.isDirectory()) {
            throw LayerErrors.invalidEntry(name, "hardlink target is a directory");
        }
        if (current.equals(dest)) {
            throw LayerErrors.invalidEntry(name, "hardlink points to itself");
        }
        return current;
    }

    private void requireNoSymlinkParent(Path dir, String name) throws IOException {
        if (dir.equals(root)) {
            return;
        }
        BasicFileAttributes attributes = attributesOrNull(dir);
        if (attributes == null) {
            throw LayerErrors.invalidEntry(name, "hardlink target does not exist");
        }
        requireRealDirectory(attributes, name, "hardlink target goes through a symbolic link",
                "hardlink target does not exist");
    }

    private static void requireRealDirectory(BasicFileAttributes attributes, String name, String ifSymlink,
            String ifNotDirectory) {
        if (attributes.isSymbolicLink()) {
            throw LayerErrors.invalidEntry(name, ifSymlink);
        }
        if (!attributes.isDirectory()) {
            throw LayerErrors.invalidEntry(name, ifNotDirectory);
        }
    }

    private void applyDirectoryMetadata() {
        directories.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<Path, EntryMetadata> e) -> e.getKey().getNameCount())
                        .reversed())
                .forEach(e -> applyDirectory(e.getKey(), e.getValue()));
    }

    private void applyDirectory(Path dir, EntryMetadata metadata) {
        try {
            writer.applyMetadata(dir, metadata, false, root.relativize(dir).toString());
        } catch (IOException e) {
            throw LayerErrors.storageFailure(root.relativize(dir).toString(), e);
        }
    }

    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Opens a new regular file for writing, failing if anything exists at the path (links included). */
    static OutputStream createNew(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }
}
