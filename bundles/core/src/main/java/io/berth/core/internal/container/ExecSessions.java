package io.berth.core.internal.container;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.NotFoundException;
import io.berth.core.internal.monitor.ExitFiles;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Every exec session the engine knows, in memory only (sessions do not survive the engine, as in Docker).
 * Ends sessions: with the exit code their runtime wrote, with 137 when their container exited and no code
 * came within a grace period (a runtime that does not report execs killed with their container), and drops
 * them with their container. Thread-safe.
 */
final class ExecSessions {

    /** The exit code of a process killed with its container (SIGKILL). */
    static final int KILLED = 137;

    private static final Logger LOG = LoggerFactory.getLogger(ExecSessions.class);

    private final Map<String, ExecSession> byId = new ConcurrentHashMap<>();
    private final ContainerTable table;
    private final ContainerEvents events;
    private final ScheduledExecutorService executor;
    private volatile Duration orphanGrace = Duration.ofSeconds(5);
    private volatile Duration readyTimeout = Duration.ofSeconds(10);

    ExecSessions(ContainerTable table, ContainerEvents events, ScheduledExecutorService executor) {
        this.table = table;
        this.events = events;
        this.executor = executor;
    }

    /** How long an exec may outlive its container's exit before it is ended with 137. */
    void setOrphanGrace(Duration grace) {
        orphanGrace = grace;
    }

    /** How long a resize waits for a session's start to settle (Docker: ten seconds). */
    Duration readyTimeout() {
        return readyTimeout;
    }

    void setReadyTimeout(Duration timeout) {
        readyTimeout = timeout;
    }

    void add(ExecSession session) {
        byId.put(session.id(), session);
    }

    boolean contains(String execId) {
        return byId.containsKey(execId);
    }

    /** @throws NotFoundException "No such exec instance: ID" */
    ExecSession require(String execId) {
        ExecSession session = execId == null ? null : byId.get(execId);
        if (session == null) {
            throw new NotFoundException("No such exec instance: " + execId);
        }
        return session;
    }

    List<ExecSession> of(String containerId) {
        return byId.values().stream().filter(s -> s.containerId().equals(containerId)).toList();
    }

    /** Ends a running session with its exit code and publishes {@code exec_die}; idempotent. */
    void end(ExecSession session, int exitCode) {
        if (session.finish(exitCode)) {
            events.publish(recordOf(session), "exec_die",
                    Map.of("execID", session.id(), "exitCode", Integer.toString(exitCode)));
        }
    }

    /** Ends a session whose process never ran, without an event; idempotent. */
    void failStart(ExecSession session, int exitCode) {
        session.markStartFailed();
        session.finish(exitCode);
    }

    /**
     * The container's process ended: its running sessions end when their exit files arrive or, failing
     * that, after the grace period, with the file's code if it came late or {@link #KILLED}.
     */
    void containerExited(String containerId) {
        for (ExecSession session : of(containerId)) {
            if (session.isRunning()) {
                scheduleOrphanCheck(session);
            }
        }
    }

    /** The container was removed: its sessions are dropped, running ones ended with {@link #KILLED}. */
    void containerRemoved(String containerId) {
        for (ExecSession session : of(containerId)) {
            byId.remove(session.id());
            if (session.isRunning()) {
                end(session, KILLED);
            } else if (!session.hasEnded()) {
                session.abandon(new NotFoundException("No such container: " + containerId));
            }
        }
    }

    private void scheduleOrphanCheck(ExecSession session) {
        try {
            executor.schedule(() -> {
                if (!session.hasEnded()) {
                    OptionalInt code = ExitFiles.read(session.exitsDir().resolve(session.containerId()));
                    LOG.debug("Exec {} outlived container {}; ending it", session.id(), session.containerId());
                    end(session, code.orElse(KILLED));
                }
            }, orphanGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Engine closing; exec {} is not checked", session.id());
        }
    }

    private ContainerRecord recordOf(ExecSession session) {
        Container container = table.byId(session.containerId());
        return container != null ? container.record() : session.containerAtCreation();
    }
}
