package io.berth.rest.internal.router.container;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerState;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.error.BerthException;
import io.berth.api.error.NotFoundException;
import io.berth.rest.internal.http.HijackSession;
import io.berth.rest.internal.http.LogCopier;
import io.berth.rest.internal.http.MuxOutput;
import io.berth.rest.internal.http.StdinPump;

/**
 * One {@code attach}: optionally the log so far ({@code logs=1}), then ({@code stream=1}) the output of the
 * container's next or current run, followed until it stops; stdin ({@code stdin=1}) is copied to the container
 * once it runs. Clients attach before {@code start}, so the session waits for the run to begin (polling the
 * state briefly) before it follows the log; a start that fails also ends the wait (the log then has nothing
 * new and the stream closes).
 */
final class AttachSession implements HijackSession {

    private static final long POLL_MILLIS = 5;

    /** What the client asked for. */
    record Options(boolean logs, boolean stream, boolean stdin, boolean stdout, boolean stderr) {
    }

    private final ContainerService containers;
    private final ContainerInfo container;
    private final Options options;
    private final Instant attachedAt;

    AttachSession(ContainerService containers, ContainerInfo container, Options options, Instant attachedAt) {
        this.containers = containers;
        this.container = container;
        this.options = options;
        this.attachedAt = attachedAt;
    }

    @Override
    public void run(InputStream fromClient, OutputStream toClient) throws Exception {
        MuxOutput out = new MuxOutput(toClient, container.config().tty());
        if (options.stdin() && container.config().openStdin()) {
            StdinPump.start("berth-attach-stdin-" + container.id().substring(0, 12), fromClient, this::openStdin);
        }
        if (options.logs() && (options.stdout() || options.stderr())) {
            try (LogStream past = containers.logs(container.id(), new LogOptions(false, null, attachedAt, -1, false,
                    options.stdout(), options.stderr()))) {
                LogCopier.copy(past, out, false);
            }
        }
        if (options.stream() && (options.stdout() || options.stderr())) {
            streamLive(out);
        }
    }

    /**
     * Copies what the container writes from the attach on. The log is opened before the wait for the run, so a
     * short run whose container is removed (auto-remove) before the wait sees it still delivers its output: the
     * open log stays readable. When the container is already gone at the attach, there is nothing to stream.
     */
    private void streamLive(MuxOutput out) throws Exception {
        LogStream live;
        try {
            live = containers.logs(container.id(), new LogOptions(true, attachedAt, null, -1, false,
                    options.stdout(), options.stderr()));
        } catch (NotFoundException gone) {
            return;
        }
        try (live) {
            awaitRun();
            LogCopier.copy(live, out, false);
        }
    }

    /** Waits until the container runs or has run since the attach; false when it disappeared. */
    private boolean awaitRun() throws InterruptedException {
        while (true) {
            ContainerState s;
            try {
                s = containers.inspect(container.id()).state();
            } catch (NotFoundException e) {
                return false;
            }
            if (s.running() || after(s.startedAt()) || after(s.finishedAt())) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** True for a time at or after the attach: a run (or a failed start) happened since. */
    private boolean after(Instant t) {
        return t != null && !t.isBefore(attachedAt);
    }

    private OutputStream openStdin() {
        try {
            if (!awaitRun()) {
                return null;
            }
            return containers.attachStdin(container.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (BerthException e) {
            return null;
        }
    }
}
