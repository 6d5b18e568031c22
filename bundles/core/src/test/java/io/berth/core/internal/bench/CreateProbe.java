package io.berth.core.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.core.internal.timing.Phases;
import io.berth.runtime.oci.ForwardingOciRuntime;

/**
 * Splits the driver's {@code create} by the files conmon leaves in the bundle: until the launching conmon
 * wrote {@code conmon.pid}, until the runtime's create wrote {@code pidfile}, until conmon reported on
 * {@code conmon.sync}, and from that report until {@code create} returned (the driver noticing it and its
 * work after). Reported as phases named {@code driver: ...}. File times come from the kernel's coarse clock,
 * so each value is only good to a scheduler tick (often 4 ms).
 */
final class CreateProbe extends ForwardingOciRuntime {

    private final OciRuntime delegate;

    CreateProbe(OciRuntime delegate) {
        this.delegate = delegate;
    }

    @Override
    protected OciRuntime delegate() {
        return delegate;
    }

    @Override
    public void create(RuntimeCreateRequest request) {
        Instant called = Instant.now();
        delegate.create(request);
        Instant returned = Instant.now();
        if (!Phases.enabled()) {
            return;
        }
        Path bundle = request.bundle();
        Instant launched = modified(bundle.resolve("conmon.pid"));
        Instant created = modified(bundle.resolve("pidfile"));
        Instant reported = modified(bundle.resolve("conmon.sync"));
        Phases.end(request.id(), "driver: call to conmon.pid written", nanosAgo(called, launched));
        Phases.end(request.id(), "driver: call to pidfile written", nanosAgo(called, created));
        Phases.end(request.id(), "driver: call to conmon.sync written", nanosAgo(called, reported));
        Phases.end(request.id(), "driver: conmon.sync written to create returned", nanosAgo(reported, returned));
    }

    /** A value for {@link Phases#end} that makes it report {@code to - from}. */
    private static long nanosAgo(Instant from, Instant to) {
        return System.nanoTime() - Duration.between(from, to).toNanos();
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
