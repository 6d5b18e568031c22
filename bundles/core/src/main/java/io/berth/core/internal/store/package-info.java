/** Crash-consistent persistence: container records as JSON, written atomically; the shared Jackson setup. */
package io.berth.core.internal.store;
