package io.berth.images.internal.snapshot;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.nativeio.Mounts;

/**
 * Whether new snapshots can be overlay mounts: follows the (optional, dynamic) native {@link Mounts} service
 * and probes each bound instance once, on a thread of its own (a test mount and unmount; the unmount waits for
 * the kernel, time the engine's boot need not spend): asking which kind of snapshot to make waits for the probe's
 * answer. Existing overlay snapshots need the bound service to be mounted again or unmounted, even when the probe
 * failed. Thread-safe.
 */
public final class OverlaySupport {

    /** Tests a {@link Mounts} service; answers {@code null} when overlays work, else the reason they do not. */
    @FunctionalInterface
    public interface Probe {
        String problem(Mounts mounts);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OverlaySupport.class);
    private static final String NO_MOUNTS = "native mounts (bundle berth-native) are not available";

    /** One consistent view: the bound service and why overlays cannot be used ({@code null}: they can). */
    private record State(Mounts mounts, CompletableFuture<String> problem) {
    }

    private final Probe probe;
    private volatile State state = new State(null, CompletableFuture.completedFuture(NO_MOUNTS));

    public OverlaySupport(Probe probe) {
        this.probe = probe;
    }

    /** Takes a newly bound service and starts its probe, which logs which kind of snapshot new containers get. */
    public synchronized void bind(Mounts mounts) {
        CompletableFuture<String> problem = new CompletableFuture<>();
        state = new State(mounts, problem);
        Thread prober = new Thread(() -> probe(mounts, problem), "berth-overlay-probe");
        prober.setDaemon(true);
        prober.start();
    }

    private void probe(Mounts mounts, CompletableFuture<String> answer) {
        String problem;
        try {
            problem = probe.problem(mounts);
        } catch (RuntimeException e) {
            problem = "the overlay probe failed: " + e;
        }
        answer.complete(problem);
        if (problem == null) {
            LOG.info("container root filesystems are overlay mounts");
        } else {
            LOG.info("container root filesystems are copies: {}", problem);
        }
    }

    /** Forgets a service that goes away (ignored when another one was bound since). */
    public synchronized void unbind(Mounts mounts) {
        if (state.mounts() == mounts) {
            state = new State(null, CompletableFuture.completedFuture(NO_MOUNTS));
            LOG.info("container root filesystems are copies from now on: {}", NO_MOUNTS);
        }
    }

    /** The service to mount new snapshots with, or {@code null} when they must be copies. */
    Mounts forNewSnapshots() {
        State current = state;
        return current.problem().join() == null ? current.mounts() : null;
    }

    /** The bound service, probed successfully or not; {@code null} when none is bound. */
    Mounts mounts() {
        return state.mounts();
    }

    /** Why new snapshots are copies; {@code null} when they are overlays. */
    String problem() {
        return state.problem().join();
    }
}
