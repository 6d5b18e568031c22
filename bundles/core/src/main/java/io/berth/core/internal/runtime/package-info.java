/**
 * The runtime registry: every {@link io.berth.api.runtime.OciRuntime} service by name, tracked dynamically so
 * that runtime bundles can come and go, and the {@link io.berth.core.internal.runtime.MissingRuntime} stand-in
 * for names that are not registered.
 */
package io.berth.core.internal.runtime;
