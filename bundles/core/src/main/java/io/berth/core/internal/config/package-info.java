/** The engine configuration (PID {@code io.berth.core}) and the defaults that depend on the host. */
package io.berth.core.internal.config;
