/**
 * The content-addressed image store: blobs, unpacked layers, image metadata and references, crash-consistent
 * on disk (temp file, fsync, atomic rename) and cleaned at start.
 */
package io.berth.images.internal.store;
