package io.berth.runtime.oci.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.berth.api.error.BerthException;

/**
 * Starts conmon so that it never becomes a pipe-child of the JVM: stdin from /dev/null, stdout and stderr
 * to {@code conmon.log} in the work directory, and the sync pipe (fd 3, {@code _OCI_SYNCPIPE=3}) on
 * {@code conmon.sync}: given to conmon directly by the native spawner ({@link Programs}), else redirected by a
 * shell, since {@link ProcessBuilder} cannot pass extra descriptors. The launching conmon exits within
 * milliseconds; the monitor it forks setsid()s and outlives the JVM, and moves at once into the cgroup the
 * caller names ({@link MonitorCgroups}). Thread-safe.
 */
final class ConmonLauncher {

    private static final String SYNC_SCRIPT = "exec \"$@\" 3>\"$SYNC_FILE\"";
    private static final File NO_INPUT = new File("/dev/null");
    /** How often, while the sync file stays empty, the wait checks that the monitor still lives. */
    private static final long LIVENESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Duration timeout;
    private final Programs programs;
    private final MonitorCgroups cgroups;

    /**
     * @param programs starts conmon (through {@link ProcessBuilder} and a shell with {@link Programs#JDK})
     * @param cgroups  moves the monitor once it has daemonized
     */
    ConmonLauncher(Duration timeout, Programs programs, MonitorCgroups cgroups) {
        this.timeout = timeout;
        this.programs = programs;
        this.cgroups = cgroups;
    }

    /**
     * Runs conmon with {@code conmonArgs} (conmon's path first) and waits, up to the timeout, for its first
     * sync message: the container's pid or the runtime's failure.
     *
     * @param workDir       the bundle or exec session directory: receives conmon.sync, conmon.log, conmon.pid
     * @param monitorCgroup where the monitor moves as soon as it has daemonized ({@link MonitorCgroups}); empty
     *                      leaves it in the JVM's cgroups
     */
    SyncMessage launch(List<String> conmonArgs, Path workDir, Optional<String> monitorCgroup) {
        Path syncFile = workDir.resolve(ConmonCommand.SYNC_FILE_NAME);
        try {
            Files.deleteIfExists(syncFile);
            Process launcher = start(conmonArgs, workDir, syncFile);
            awaitLauncher(launcher, workDir);
        } catch (IOException e) {
            throw new BerthException("cannot start conmon: " + e.getMessage(), e);
        }
        monitorCgroup.ifPresent(cgroup -> SmallFiles.readInt(workDir.resolve(ConmonCommand.CONMON_PID_NAME))
                .ifPresent(pid -> cgroups.join(pid, cgroup)));
        return Polling.poll(timeout, new FirstMessage(workDir)).orElseThrow(() -> noMessage(workDir));
    }

    /** Every complete sync message written so far. */
    static List<SyncMessage> messages(Path workDir) {
        return SmallFiles.read(workDir.resolve(ConmonCommand.SYNC_FILE_NAME)).map(SyncMessage::parseComplete)
                .orElse(List.of());
    }

    private Process start(List<String> conmonArgs, Path workDir, Path syncFile) throws IOException {
        Process direct = programs.startDirectly(conmonArgs, Map.of("_OCI_SYNCPIPE", "3"),
                workDir.resolve(ConmonCommand.CONMON_LOG_NAME), List.of(syncFile));
        if (direct != null) {
            return direct;
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", SYNC_SCRIPT, "sh"));
        command.addAll(conmonArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(NO_INPUT)
                .redirectOutput(workDir.resolve(ConmonCommand.CONMON_LOG_NAME).toFile()).redirectErrorStream(true);
        builder.environment().put("SYNC_FILE", syncFile.toString());
        builder.environment().put("_OCI_SYNCPIPE", "3");
        return builder.start();
    }

    private void awaitLauncher(Process launcher, Path workDir) {
        try {
            if (!launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                launcher.destroyForcibly();
                throw new BerthException("conmon did not start within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("interrupted while starting conmon", e);
        }
        if (launcher.exitValue() != 0) {
            throw new BerthException("conmon failed (exit " + launcher.exitValue() + "): "
                    + SmallFiles.tail(workDir.resolve(ConmonCommand.CONMON_LOG_NAME)));
        }
    }

    /**
     * The probe of the wait for the first message; a monitor that died without writing one ends the wait with
     * an error. The wait probes every millisecond while the runtime creates the container, on the same two
     * processors, so a probe is kept to one stat of the sync file; the monitor's liveness (three more reads) is
     * checked every {@link #LIVENESS_INTERVAL_NANOS}.
     */
    private static final class FirstMessage implements Supplier<Optional<SyncMessage>> {

        private final Path workDir;
        private final File syncFile;
        private long nextLivenessCheck = System.nanoTime() + LIVENESS_INTERVAL_NANOS;

        FirstMessage(Path workDir) {
            this.workDir = workDir;
            this.syncFile = workDir.resolve(ConmonCommand.SYNC_FILE_NAME).toFile();
        }

        @Override
        public Optional<SyncMessage> get() {
            if (syncFile.length() > 0) {
                List<SyncMessage> messages = messages(workDir);
                if (!messages.isEmpty()) {
                    return Optional.of(messages.get(0));
                }
            }
            long now = System.nanoTime();
            if (now - nextLivenessCheck < 0) {
                return Optional.empty();
            }
            nextLivenessCheck = now + LIVENESS_INTERVAL_NANOS;
            if (monitorGone(workDir) && messages(workDir).isEmpty()) {
                throw new BerthException("conmon exited without reporting the container's creation: "
                        + SmallFiles.tail(workDir.resolve(ConmonCommand.CONMON_LOG_NAME)));
            }
            return Optional.empty();
        }
    }

    private static boolean monitorGone(Path workDir) {
        OptionalInt pid = SmallFiles.readInt(workDir.resolve(ConmonCommand.CONMON_PID_NAME));
        return pid.isPresent() && ProcessHandle.of(pid.getAsInt()).map(p -> !p.isAlive()).orElse(true);
    }

    private BerthException noMessage(Path workDir) {
        killMonitor(workDir);
        return new BerthException("conmon did not report within " + timeout.toSeconds() + " s: "
                + SmallFiles.tail(workDir.resolve(ConmonCommand.CONMON_LOG_NAME)));
    }

    /** Stops a monitor that hangs, so that a failed launch leaves nothing running. */
    static void killMonitor(Path workDir) {
        SmallFiles.readInt(workDir.resolve(ConmonCommand.CONMON_PID_NAME))
                .ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}
