package io.berth.api.container;

import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The container engine, as every front end sees it. All methods are thread-safe; operations on different
 * containers never block each other, operations on one container are serialised. A {@code ref} is a full id,
 * a unique id prefix or a name (with or without the leading {@code /}). Failures are reported with the
 * subclasses of {@link io.berth.api.error.BerthException}: {@code NotFoundException} for an unknown ref or
 * image, {@code InvalidArgumentException} for an ambiguous prefix or bad input, {@code ConflictException}
 * for a state that forbids the operation, {@code NotModifiedException} for a no-op (start of a running
 * container), {@code UnavailableException} when the container's runtime is absent.
 */
@ProviderType
public interface ContainerService {

    /**
     * Creates a container without starting it.
     *
     * @param spec what to run
     * @param name the name, or {@code null}/empty for a generated one
     */
    CreateResult create(ContainerSpec spec, String name);

    /** Starts a created or exited container. */
    void start(String ref);

    /**
     * Stops a running container: sends the stop signal, waits, then SIGKILL.
     *
     * @param timeoutSeconds seconds to wait before SIGKILL; {@code null} for the container's stop timeout,
     *                       negative to wait forever
     * @param signal         signal name or number; {@code null} for the container's stop signal
     */
    void stop(String ref, Integer timeoutSeconds, String signal);

    /** Sends a signal (name such as {@code SIGTERM}/{@code TERM} or number) to a running container. */
    void kill(String ref, String signal);

    /** Stops (if running) and starts the container again. */
    void restart(String ref, Integer timeoutSeconds);

    /**
     * Removes a container and everything the engine keeps for it.
     *
     * @param force   kill it first if it is running (without force that is a conflict)
     * @param volumes also remove anonymous volumes
     */
    void remove(String ref, boolean force, boolean volumes);

    /**
     * Waits for a condition. The future completes with the exit code, or exceptionally with
     * {@code NotFoundException} if the container disappears for a condition other than {@code REMOVED}.
     */
    CompletableFuture<WaitResult> wait(String ref, WaitCondition condition);

    /** Freezes every process of a running container. */
    void pause(String ref);

    /** Thaws a paused container. */
    void unpause(String ref);

    /** Gives a container a new, unused name. */
    void rename(String ref, String newName);

    /** Containers matching the filter, newest first. */
    List<ContainerInfo> list(ContainerFilter filter);

    /** Everything known about one container. */
    ContainerInfo inspect(String ref);

    /** Opens the container's log; the caller closes the stream. */
    LogStream logs(String ref, LogOptions options);

    /**
     * Opens the standard input of a running container created with {@code openStdin}. Closing the stream
     * closes the container's stdin.
     */
    OutputStream attachStdin(String ref);

    /** The processes running in a running container. @since 1.1 */
    TopResult top(String ref);

    /** One reading of a running container's resource usage. @since 1.1 */
    ContainerStats stats(String ref);

    /**
     * Sets the size of a running (or paused) container's terminal, as {@code docker resize} and the CLI's
     * {@code SIGWINCH} handling do, and publishes the {@code resize} event. A container created without a
     * terminal accepts the call and nothing changes, as in Docker.
     *
     * @param height rows, 0 to 65535
     * @param width  columns, 0 to 65535
     * @throws io.berth.api.error.ConflictException        "Container ID is not running"
     * @throws io.berth.api.error.InvalidArgumentException for a size out of range
     * @since 1.2
     */
    void resize(String ref, int height, int width);
}
