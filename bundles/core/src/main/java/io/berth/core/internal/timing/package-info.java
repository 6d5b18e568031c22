/**
 * Off-by-default timing of the engine's phases (record writes, bundle writes, runtime calls, exit detection),
 * to find where a container's lifecycle spends its time. Nothing here runs unless asked for.
 */
package io.berth.core.internal.timing;
