/**
 * The OCI runtime spec ({@code config.json}) the engine writes into each container's bundle, with Docker's
 * defaults: user resolution against the image's passwd and group files, capability arithmetic within the
 * engine's own bounding set, mounts including the per-container {@code /etc} files, namespaces, device rules
 * and resource limits.
 */
package io.berth.core.internal.oci;
