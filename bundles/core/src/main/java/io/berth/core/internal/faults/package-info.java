/**
 * Crash injection for tests: named points between the steps of the engine's operations at which an armed
 * engine halts its JVM, as {@code kill -9} would. Disarmed (always, unless a test asks), a point is a no-op.
 */
package io.berth.core.internal.faults;
