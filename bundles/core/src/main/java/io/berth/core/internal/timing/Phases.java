package io.berth.core.internal.timing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timing of the engine's phases, off by default: {@code long t = Phases.begin(); ...;
 * Phases.end(id, "bundle write", t);}. It is on while this class's logger is at DEBUG (each phase is logged
 * as {@code <container id> <phase> <microseconds> µs}) or while a {@link Listener} is installed (benchmarks).
 * Off, a phase costs one volatile read and one log-level check and takes no clock reading. Thread-safe.
 */
public final class Phases {

    /** Receives every timed phase while installed. Called on the thread that ran the phase; must be quick. */
    @FunctionalInterface
    public interface Listener {
        void phase(String containerId, String phase, long nanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Phases.class);
    private static final long OFF = 0;

    private static volatile Listener listener;

    private Phases() {
    }

    /** Installs {@code newListener} (replacing any other), or removes it with {@code null}. */
    public static void listen(Listener newListener) {
        listener = newListener;
    }

    /** True while phases are timed. */
    public static boolean enabled() {
        return listener != null || LOG.isDebugEnabled();
    }

    /** The start of a phase: a clock reading while timing is on, else a marker that {@link #end} ignores. */
    public static long begin() {
        if (!enabled()) {
            return OFF;
        }
        long now = System.nanoTime();
        return now == OFF ? 1 : now;
    }

    /** Reports the phase begun at {@code begin} (a value of {@link #begin()}) as ended now. */
    public static void end(String containerId, String phase, long begin) {
        if (begin != OFF) {
            report(containerId, phase, System.nanoTime() - begin);
        }
    }

    /**
     * Reports how long ago {@code file} was last modified (by another process, such as the runtime's monitor
     * writing an exit file), as a phase that ends now. File times come from the kernel's coarse clock (one
     * scheduler tick, often 4 ms), so the value may be high by up to a tick. Nothing is reported while timing
     * is off or when the file cannot be read.
     */
    public static void sinceModified(String containerId, String phase, Path file) {
        if (!enabled()) {
            return;
        }
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            Instant now = Instant.now();
            long nanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond() - modified.getEpochSecond())
                    + now.getNano() - modified.getNano();
            report(containerId, phase, Math.max(0, nanos));
        } catch (IOException e) {
            LOG.debug("Cannot time {} of {}: {}", phase, containerId, e.toString());
        }
    }

    private static void report(String containerId, String phase, long nanos) {
        Listener current = listener;
        if (current != null) {
            current.phase(containerId, phase, nanos);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} µs", containerId, phase, TimeUnit.NANOSECONDS.toMicros(nanos));
        }
    }
}
