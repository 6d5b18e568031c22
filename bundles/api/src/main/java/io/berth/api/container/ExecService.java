package io.berth.api.container;

import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Processes run inside running containers, as {@code docker exec} does: create a session, start it, read its
 * output, wait for its exit code. Sessions are kept while their container exists. Thread-safe.
 * Errors: {@code NotFoundException} for an unknown container or session, {@code ConflictException} when the
 * container is not running or the session was already started, {@code UnavailableException} when the
 * container's runtime is absent.
 */
@ProviderType
public interface ExecService {

    /** Creates a session in a running container; returns its id. */
    String create(String containerRef, ExecSpec spec);

    /** Starts the session's process; returns once it runs (or failed to start: the exception says why). */
    void start(String execId);

    /** The session's output; with {@code follow}, until the process ends. */
    LogStream output(String execId, boolean follow);

    /** Standard input of a session created with {@code attachStdin}; closing it closes the process's stdin. */
    OutputStream attachStdin(String execId);

    /** Completes with the exit code when the process ends. */
    CompletableFuture<Integer> waitFor(String execId);

    /** The session's state. */
    ExecInfo inspect(String execId);

    /**
     * Sets the size of a session's terminal. A session whose start is under way is waited for (up to ten
     * seconds, as Docker does); a session created without a terminal accepts the call and nothing changes.
     *
     * @param height rows, 0 to 65535
     * @param width  columns, 0 to 65535
     * @throws io.berth.api.error.NotFoundException        "No such exec instance: ID", or its container is gone
     * @throws io.berth.api.error.ConflictException        its container is not running (or paused), or the
     *                                                     session has ended
     * @throws io.berth.api.error.InvalidArgumentException for a size out of range, or a session whose process
     *                                                     failed to start ("exec process is not started")
     * @throws io.berth.api.error.BerthException           "timeout waiting for exec session ready" when the
     *                                                     session was not started within ten seconds
     * @since 1.2
     */
    void resize(String execId, int height, int width);
}
