/**
 * Engine events with Docker's types and action names ({@code container create}, {@code start}, {@code die},
 * {@code destroy}, {@code image tag}, ...). Published to in-process subscribers through
 * {@link io.berth.api.event.EventService} and to OSGi EventAdmin under the topics of
 * {@link io.berth.api.event.EventTopics}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.berth.api.event;
