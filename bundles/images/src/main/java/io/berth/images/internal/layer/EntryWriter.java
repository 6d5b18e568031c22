package io.berth.images.internal.layer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import io.berth.images.internal.files.PosixAttributes;

/**
 * Creates single file-system objects for tar entries at paths already checked by {@link LayerExtraction}.
 * Never follows a symbolic link. Not thread-safe (one per extraction).
 */
final class EntryWriter {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final TarArchiveInputStream tar;
    private final boolean applyOwnership;
    private final byte[] buffer = new byte[BUFFER_SIZE];

    EntryWriter(TarArchiveInputStream tar, boolean applyOwnership) {
        this.tar = tar;
        this.applyOwnership = applyOwnership;
    }

    /** Writes the current entry's data to a new file at {@code dest}, then its metadata. */
    void regularFile(TarArchiveEntry entry, Path dest) throws IOException {
        try (OutputStream out = LayerExtraction.createNew(dest)) {
            copyEntryData(out);
        }
        applyMetadata(dest, EntryMetadata.of(entry), false, entry.getName());
    }

    /** Creates a symbolic link; its target is stored as it is and never resolved here. */
    void symlink(TarArchiveEntry entry, Path dest) throws IOException {
        String target = entry.getLinkName();
        if (target.isEmpty()) {
            throw LayerErrors.invalidEntry(entry.getName(), "symbolic link has an empty target");
        }
        if (target.indexOf('\0') >= 0) {
            throw LayerErrors.invalidEntry(entry.getName(), "symbolic link target contains a NUL character");
        }
        Files.createSymbolicLink(dest, Path.of(target));
        applyMetadata(dest, EntryMetadata.of(entry), true, entry.getName());
    }

    /** Creates a hard link to an existing, checked file inside the layer. */
    void hardlink(Path existing, Path dest) throws IOException {
        Files.createLink(dest, existing);
    }

    void setMode(Path path, int mode) throws IOException {
        PosixAttributes.setMode(path, mode);
    }

    /**
     * Ownership (as root) first, since chown clears setuid bits; then extended attributes (before the mode may
     * take away write permission); then the mode; then the modification time.
     */
    void applyMetadata(Path path, EntryMetadata metadata, boolean symlink, String name) throws IOException {
        if (applyOwnership) {
            PosixAttributes.setOwner(path, metadata.uid(), metadata.gid());
        }
        if (!symlink) {
            ExtendedAttributes.apply(path, metadata.xattrs(), name);
            PosixAttributes.setMode(path, metadata.mode());
        }
        if (metadata.modified() == null) {
            return;
        }
        try {
            PosixAttributes.setModifiedTime(path, metadata.modified());
        } catch (IOException e) {
            if (!symlink) {
                throw e;
            }
        }
    }

    private void copyEntryData(OutputStream out) throws IOException {
        for (int n = readEntry(); n > 0; n = readEntry()) {
            out.write(buffer, 0, n);
        }
    }

    private int readEntry() {
        try {
            return tar.read(buffer, 0, buffer.length);
        } catch (IOException | IllegalArgumentException e) {
            throw LayerErrors.invalidArchive(e);
        }
    }
}
