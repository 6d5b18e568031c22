package io.berth.images.internal.registry;

import io.berth.images.internal.archive.ArchiveDocuments;

/**
 * The image manifest a reference resolved to.
 *
 * @param digest         the digest of what the reference names (the index for a multi-platform image): the
 *                       repository digest Docker records
 * @param manifestDigest the digest of the platform's image manifest
 * @param manifest       the image manifest
 */
public record ResolvedManifest(String digest, String manifestDigest, ArchiveDocuments.Manifest manifest) {
}
