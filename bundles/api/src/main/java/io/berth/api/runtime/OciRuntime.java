package io.berth.api.runtime;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.berth.api.error.NotFoundException;

/**
 * A runtime: runs containers described by OCI bundles. Implementations are thin and stateless as far as the
 * engine is concerned: the engine calls each operation with the container's lock held and never calls two
 * operations on one container at once; a runtime must survive its own bundle being stopped and started
 * while its containers run, by keeping its state outside the JVM (a state root, monitor processes).
 * Containers are never children of the JVM.
 *
 * <p>Errors: {@code NotFoundException} when the runtime does not know the id,
 * {@code ConflictException} for an operation the container's state forbids,
 * {@code InvalidArgumentException} for a bad bundle (the message carries the runtime's words and, for an
 * executable that cannot be run, Docker's wording), {@code UnavailableException} when the runtime is not
 * ready.
 */
@ProviderType
public interface OciRuntime {

    /** Name, version, readiness and features. Cheap; may be called often. */
    RuntimeInfo info();

    /**
     * Creates the container from its bundle and starts its monitor, which records output in
     * {@code logPath} and the exit code in {@code exitDir/id}. Afterwards the container is {@code CREATED}.
     * On failure nothing of the container remains in the runtime.
     */
    void create(RuntimeCreateRequest request);

    /** Runs the user's program of a {@code CREATED} container. */
    void start(String id);

    /** The container's current state. */
    RuntimeState state(String id);

    /** Ids of every container this runtime holds, for re-adoption after an engine restart. */
    List<String> list();

    /**
     * The state of every container this runtime holds, by id, for re-adoption after an engine restart. Runtimes
     * that can tell all at once (runc and crun: one {@code list}) should; this default asks {@link #state} per
     * container of {@link #list}, leaving out those that vanish meanwhile.
     */
    default Map<String, RuntimeState> states() {
        Map<String, RuntimeState> states = new LinkedHashMap<>();
        for (String id : list()) {
            try {
                states.put(id, state(id));
            } catch (NotFoundException vanished) {
                // deleted since the list: not held any more
            }
        }
        return states;
    }

    /**
     * Sends a signal to the container's init process, or to all its processes.
     *
     * @param signal signal number
     */
    void kill(String id, int signal, boolean all);

    /** Forgets a container; with {@code force}, kills it first. Idempotent for unknown ids. */
    void delete(String id, boolean force);

    /** Freezes all processes of the container. */
    void pause(String id);

    /** Thaws the container. */
    void resume(String id);

    /** Standard input of a container created with {@code openStdin}; closing it closes the container's stdin. */
    OutputStream openStdin(String id);

    /**
     * Starts a process inside a running container; returns once it runs. Its output goes to
     * {@code request.logPath()}, its exit code to {@code request.exitDir()/id}. A program that cannot be run
     * fails like {@link #create} does, with Docker's wording.
     *
     * @since 1.1
     */
    void exec(String id, RuntimeExecRequest request);

    /**
     * Standard input of an exec session started with {@code openStdin}.
     *
     * @param sessionDir the session's directory, as given to {@link #exec}
     * @since 1.1
     */
    OutputStream openExecStdin(String id, Path sessionDir);

    /** Host pids of every process in the container. @since 1.1 */
    List<Integer> processes(String id);

    /** Current resource usage of the container. @since 1.1 */
    RuntimeStats stats(String id);

    /**
     * Sets the size of the terminal of a container created with {@code terminal}. The engine calls it only
     * for such containers, while they run or are paused.
     *
     * @param height rows, 0 to 65535
     * @param width  columns, 0 to 65535
     * @throws io.berth.api.error.ConflictException when the container has no running process or its
     *                                              monitor is gone
     * @since 1.2
     */
    void resize(String id, int height, int width);

    /**
     * Sets the size of the terminal of an exec session started with {@code terminal}.
     *
     * @param sessionDir the session's directory, as given to {@link #exec}
     * @throws io.berth.api.error.ConflictException when the session has ended
     * @throws io.berth.api.error.NotFoundException when the runtime knows no such container or session
     * @since 1.2
     */
    void resizeExec(String id, Path sessionDir, int height, int width);
}
