package io.berth.images.internal.layer;

import java.nio.file.attribute.FileTime;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Mode, ownership, modification time and extended attributes of a tar entry. */
record EntryMetadata(int mode, long uid, long gid, FileTime modified, Map<String, byte[]> xattrs) {

    static EntryMetadata of(TarArchiveEntry entry) {
        return new EntryMetadata(entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(),
                entry.getLastModifiedTime(), ExtendedAttributes.of(entry));
    }
}
