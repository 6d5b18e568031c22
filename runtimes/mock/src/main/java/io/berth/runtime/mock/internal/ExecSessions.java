package io.berth.runtime.mock.internal;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;

/**
 * The exec sessions of one container, keyed by their session directory (absolute and normalised). It holds
 * the running sessions and remembers the directories of the last {@value #REMEMBERED_ENDED} ended ones, so
 * that asking for the stdin of a session that has just ended is a conflict rather than "not found". Not
 * thread-safe: the owning container calls it with its monitor held.
 */
final class ExecSessions {

    static final int REMEMBERED_ENDED = 256;

    private final Map<Path, ExecSession> running = new LinkedHashMap<>();
    private final Set<Path> ended = new LinkedHashSet<>();

    /** Registers and starts a session. */
    void start(ExecSession session) {
        prune();
        Path key = key(session.sessionDir());
        if (running.containsKey(key)) {
            throw new ConflictException("an exec session is already running in " + session.sessionDir());
        }
        session.start();
        running.put(key, session);
        ended.remove(key);
    }

    /** The stdin of the session in {@code sessionDir}; see {@link ExecSession#openStdin()}. */
    OutputStream openStdin(String containerId, Path sessionDir) {
        return require(containerId, sessionDir).openStdin();
    }

    /**
     * The running session in {@code sessionDir}.
     *
     * @throws ConflictException when it has ended, {@link NotFoundException} when it is unknown
     */
    ExecSession require(String containerId, Path sessionDir) {
        prune();
        Path key = key(sessionDir);
        ExecSession session = running.get(key);
        if (session != null) {
            return session;
        }
        if (ended.contains(key)) {
            throw new ConflictException("the exec session in " + sessionDir + " has ended");
        }
        throw new NotFoundException("no exec session in " + sessionDir + " for container " + containerId);
    }

    /** The fake pids of the running sessions, oldest first. */
    List<Integer> pids() {
        prune();
        return running.values().stream().map(ExecSession::pid).toList();
    }

    /** How many sessions run now. */
    int count() {
        prune();
        return running.size();
    }

    void freezeAll(Instant now) {
        running.values().forEach(session -> session.freeze(now));
    }

    void thawAll(Instant now) {
        running.values().forEach(session -> session.thaw(now));
    }

    /** Ends every running session with {@code code}: their container has ended. */
    void endAll(int code) {
        running.values().forEach(session -> session.end(code));
        prune();
    }

    /** Detaches every session: no exit files, the sessions are forgotten. */
    void detachAll() {
        running.values().forEach(ExecSession::detach);
        running.clear();
    }

    /** Moves sessions that ended by themselves from the running map to the remembered ended ones. */
    private void prune() {
        for (Iterator<Map.Entry<Path, ExecSession>> it = running.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Path, ExecSession> entry = it.next();
            if (!entry.getValue().running()) {
                it.remove();
                remember(entry.getKey());
            }
        }
    }

    private void remember(Path key) {
        ended.add(key);
        if (ended.size() > REMEMBERED_ENDED) {
            Iterator<Path> oldest = ended.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private static Path key(Path sessionDir) {
        return sessionDir.toAbsolutePath().normalize();
    }
}
