/**
 * The container engine: the {@link io.berth.core.internal.container.ContainerEngine} façade and one
 * package-private helper per verb (create, start, stop, signal, remove, rename, list), the exit recorder with
 * the restart policy, and reconciliation after restarts. Every change to a container happens under its own lock.
 */
package io.berth.core.internal.container;
