/**
 * A client for the OCI distribution API: registry endpoints, the {@code WWW-Authenticate} challenge flow
 * (basic and bearer tokens), manifests and indexes with platform selection, and blob downloads verified
 * against their digests. Internal.
 */
package io.berth.images.internal.registry;
