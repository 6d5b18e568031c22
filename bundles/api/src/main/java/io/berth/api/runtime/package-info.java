/**
 * The runtime SPI: what a runtime bundle (runc, crun, mock, ...) implements so that the engine can run
 * containers with it. The SPI is thin and stateless — it turns calls into runtime operations; the state
 * machine, locking, naming and persistence belong to the engine. A runtime registers {@link
 * io.berth.api.runtime.OciRuntime} as an OSGi service with the property {@value
 * io.berth.api.runtime.RuntimeNames#PROPERTY} set to its name (see {@link io.berth.api.runtime.RuntimeName}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.berth.api.runtime;
