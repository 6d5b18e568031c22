/**
 * Image archives: reading {@code docker save} archives and OCI image layouts from a tar stream (spooled entry by
 * entry into the store, never into memory), planning which images they hold, and writing
 * {@code docker save}-compatible archives.
 */
package io.berth.images.internal.archive;
