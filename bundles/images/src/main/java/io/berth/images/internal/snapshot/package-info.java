/**
 * {@link io.berth.api.image.SnapshotService} implementations: container root filesystems as overlay mounts
 * of the image layers ({@code OverlaySnapshotService}, through the native {@code Mounts} service), with copies
 * of the layers ({@code CopySnapshotService}) as the fallback.
 */
package io.berth.images.internal.snapshot;
