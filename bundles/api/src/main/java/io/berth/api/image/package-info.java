/**
 * Images: the {@link io.berth.api.image.ImageService} store, image metadata records, and the
 * {@link io.berth.api.image.SnapshotService} that turns an image into a container's root filesystem.
 * References follow Docker: {@code busybox} is {@code docker.io/library/busybox:latest}; an image may also be
 * named by its id ({@code sha256:...}) or a unique id prefix.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.berth.api.image;
