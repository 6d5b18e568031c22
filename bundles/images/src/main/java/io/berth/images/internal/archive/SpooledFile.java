package io.berth.images.internal.archive;

import java.nio.file.Path;

/**
 * One regular file of an archive, spooled to disk.
 *
 * @param name   its normalized name in the archive
 * @param path   where its bytes are (inside the spool directory until the store adopts it)
 * @param size   its length
 * @param digest {@code sha256:<hex>} of its bytes
 */
public record SpooledFile(String name, Path path, long size, String digest) {
}
