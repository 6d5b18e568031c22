/**
 * The shared driver for runc-compatible CLI runtimes. A runtime bundle describes its binary with an
 * {@link io.berth.runtime.oci.OciCliProfile}, obtains an {@code OciRuntime} for it from the
 * {@link io.berth.runtime.oci.OciCliDriver} service and registers a
 * {@link io.berth.runtime.oci.ForwardingOciRuntime} over it. conmon is the per-container monitor, so
 * containers are never children of the JVM and outlive the bundle and the engine.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.berth.runtime.oci;
