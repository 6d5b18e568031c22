/**
 * Containers: the {@link io.berth.api.container.ContainerService} that every front end (REST, console) calls,
 * the specification a container is created from, and the records that describe its state and logs.
 * References to containers ("ref") are a full 64-hex id, a unique id prefix, or a name with or without the
 * leading {@code /}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.berth.api.container;
