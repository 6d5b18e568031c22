package io.berth.images.internal.layer;

import java.nio.file.attribute.FileTime;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Mode, ownership and modification time of a tar entry. */
record EntryMetadata(int mode, long uid, long gid, FileTime modified) {

    static EntryMetadata of(TarArchiveEntry entry) {
        return new EntryMetadata(entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(),
                entry.getLastModifiedTime());
    }
}
