/** The copy-based {@link io.berth.api.image.SnapshotService}: container root filesystems copied from image layers. */
package io.berth.images.internal.snapshot;
