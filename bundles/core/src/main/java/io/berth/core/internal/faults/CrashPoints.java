package io.berth.core.internal.faults;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash injection: the engine calls {@link #reach} at every boundary between two steps of create, start,
 * stop, exit recording and removal. {@link #NONE}, what production engines get, does nothing there. An engine
 * armed with one point (the system or framework property {@value #PROPERTY}, read once when the engine
 * activates; never through the API) halts the JVM when a thread reaches that point — {@code Runtime.halt(137)}:
 * no shutdown hooks, no finally blocks, as with {@code kill -9}. docs/faults.md lists the points and what a
 * restarted engine makes of a crash at each. Immutable and thread-safe.
 */
public final class CrashPoints {

    /** The property that arms an engine: the name of one {@link Point}. */
    public static final String PROPERTY = "berth.crashAt";

    /** Disarmed: every point is a no-op. */
    public static final CrashPoints NONE = new CrashPoints(null, point -> { });

    private static final Logger LOG = LoggerFactory.getLogger(CrashPoints.class);

    /** The points, in the order an operation passes them. */
    public enum Point {
        /** Any record write (the first one after arming): the temp file is durable, not yet renamed. */
        RECORD_BEFORE_RENAME("record.before-rename"),
        /** create: the new record is on disk; the container is not yet in the engine's table. */
        CREATE_AFTER_RECORD_WRITE("create.after-record-write"),
        /** start: the root filesystem is prepared (mounted). */
        START_AFTER_SNAPSHOT_PREPARE("start.after-snapshot-prepare"),
        /** start: the OCI bundle and the /etc files are written. */
        START_AFTER_BUNDLE_WRITE("start.after-bundle-write"),
        /** start: the runtime has created the container (conmon runs, the process waits to be started). */
        START_AFTER_RUNTIME_CREATE("start.after-runtime-create"),
        /** start: the process runs; the record still says what it said before the start. */
        START_AFTER_RUNTIME_START("start.after-runtime-start"),
        /** start: the RUNNING record is on disk; the start event is not yet published. */
        START_AFTER_RECORD_WRITE("start.after-record-write"),
        /** stop: the user's stop is on disk (manually stopped); no signal is sent yet. */
        STOP_AFTER_STOP_MARK("stop.after-stop-mark"),
        /** stop: the stop signal is sent; its exit is not recorded yet. */
        STOP_AFTER_SIGNAL("stop.after-signal"),
        /** exit recording: the EXITED record is on disk; waiters, runtime delete and exit file are not done. */
        EXIT_AFTER_RECORD_WRITE("exit.after-record-write"),
        /**
         * exit recording: the exit is recorded and the runtime's delete of the container has begun beside (it may
         * or may not have ended); the exit file is still there.
         */
        EXIT_AFTER_RUNTIME_DELETE("exit.after-runtime-delete"),
        /** remove -f: SIGKILL is sent to a running container; its exit is not recorded yet. */
        REMOVE_AFTER_KILL("remove.after-kill"),
        /**
         * remove: the REMOVING record is on disk (the runtime's delete may still run); the root filesystem and the
         * files are still there.
         */
        REMOVE_AFTER_REMOVING_MARK("remove.after-removing-mark"),
        /**
         * remove: the record is marked REMOVING, the runtime has deleted the container and the root filesystem is
         * unmounted (not yet removed).
         */
        REMOVE_AFTER_RUNTIME_DELETE("remove.after-runtime-delete"),
        /** remove: the root filesystem is unmounted and renamed away (its files are deleted in the background). */
        REMOVE_AFTER_SNAPSHOT_REMOVE("remove.after-snapshot-remove"),
        /**
         * remove: the container's directory (record, bundle, log) is renamed away, its files not deleted yet; the
         * engine still lists it.
         */
        REMOVE_AFTER_DIR_DELETE("remove.after-dir-delete");

        private final String id;

        Point(String id) {
            this.id = id;
        }

        /** The name the property takes, e.g. {@code start.after-runtime-create}. */
        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private final Point armed;
    private final Consumer<Point> crash;

    private CrashPoints(Point armed, Consumer<Point> crash) {
        this.armed = armed;
        this.crash = crash;
    }

    /**
     * The crash points the property's value asks for: {@link #NONE} when it is empty, and when it names no
     * point (logged with the valid names); else armed to halt the JVM (logged as a warning).
     */
    public static CrashPoints fromProperty(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        for (Point point : Point.values()) {
            if (point.id.equals(value.trim())) {
                LOG.warn("Crash injection armed ({}={}): the JVM halts when an operation reaches that point",
                        PROPERTY, point);
                return new CrashPoints(point, CrashPoints::halt);
            }
        }
        LOG.error("Ignoring {}={}: no such crash point (valid: {})", PROPERTY, value,
                Arrays.stream(Point.values()).map(Point::id).collect(Collectors.joining(", ")));
        return NONE;
    }

    /** Armed at {@code point} with another reaction than a halt (unit tests simulate the crash with it). */
    public static CrashPoints armed(Point point, Consumer<Point> crash) {
        return new CrashPoints(point, crash);
    }

    /** Called between two steps; crashes when armed at {@code point}. */
    public void reach(Point point) {
        if (point == armed) {
            crash.accept(point);
        }
    }

    private static void halt(Point point) {
        // stderr, not the log: an asynchronous appender would not get to write before the halt
        System.err.println("berth: crash point " + point + " reached (" + PROPERTY + "): halting the JVM");
        System.err.flush();
        Runtime.getRuntime().halt(137);
    }
}
