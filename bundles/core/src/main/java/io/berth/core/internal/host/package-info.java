/**
 * Facts about the host the engine runs on, read from {@code /proc} and {@code /etc}: its own capability
 * bounding set and file limit, its hostname, DNS files, and the process table behind {@code top} and
 * {@code stats}.
 */
package io.berth.core.internal.host;
