package io.berth.rest.internal.router.container;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerStats;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.LogCopier;
import io.berth.rest.internal.http.MuxOutput;
import io.berth.rest.internal.http.Query;
import io.berth.rest.internal.wire.Json;
import io.berth.rest.internal.wire.StatsWire;
import io.berth.rest.internal.wire.Times;

/** The streaming container endpoints: logs, wait, stats and attach. Errors before the stream starts map as usual. */
final class ContainerStreams {

    private static final long STATS_INTERVAL_MS = 1000;

    private final ContainerService containers;

    ContainerStreams(ContainerService containers) {
        this.containers = containers;
    }

    void getContainerLogs(ApiExchange ex) throws Exception {
        ContainerInfo c = containers.inspect(ex.param("id"));
        Query q = ex.query();
        boolean timestamps = q.bool("timestamps", false);
        LogOptions options = new LogOptions(q.bool("follow", false), time(q, "since"), time(q, "until"),
                tail(q.get("tail")), timestamps, q.bool("stdout", false), q.bool("stderr", false));
        boolean tty = c.config().tty();
        try (LogStream logs = containers.logs(c.id(), options);
                OutputStream out = ex.stream(200, MuxOutput.contentType(ex.version(), tty))) {
            LogCopier.copy(logs, new MuxOutput(out, tty), timestamps);
        }
    }

    /**
     * Sends the headers at once and the result when the condition is met, without holding a server thread
     * meanwhile: {@code docker run -d} abandons its wait, and a waiter must not cost a thread per container.
     */
    void postContainerWait(ApiExchange ex) throws Exception {
        WaitCondition condition = condition(ex.query().get("condition"));
        CompletableFuture<WaitResult> result = containers.wait(ex.param("id"), condition);
        if (result.isCompletedExceptionally()) {
            result.join();
        }
        OutputStream out = ex.stream(200, ApiExchange.JSON);
        result.whenCompleteAsync((r, failure) -> finishWait(out, r, failure), ex.executor());
    }

    private static void finishWait(OutputStream out, WaitResult r, Throwable failure) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (failure == null) {
            body.put("Error", r.error().isEmpty() ? null : Map.of("Message", r.error()));
            body.put("StatusCode", r.exitCode());
        } else {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            body.put("Error", Map.of("Message", String.valueOf(cause.getMessage())));
            body.put("StatusCode", -1);
        }
        try (out) {
            out.write((new String(Json.write(body), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException clientGone) {
            // the client stopped waiting (docker run -d does): drop the result silently
        }
    }

    void getContainerStats(ApiExchange ex) throws Exception {
        ContainerInfo c = containers.inspect(ex.param("id"));
        boolean stream = ex.query().bool("stream", true);
        boolean oneShot = ex.query().bool("one-shot", false);
        if (!stream) {
            ContainerStats pre = oneShot ? null : containers.stats(c.id());
            if (pre != null) {
                Thread.sleep(STATS_INTERVAL_MS);
            }
            ex.json(200, StatsWire.stats(containers.stats(c.id()), pre, c.name(), c.id()));
            return;
        }
        try (OutputStream out = ex.stream(200, ApiExchange.JSON)) {
            ContainerStats pre = null;
            while (true) {
                ContainerStats now;
                try {
                    now = containers.stats(c.id());
                } catch (BerthException stoppedOrGone) {
                    return;
                }
                out.write((new String(Json.write(StatsWire.stats(now, pre, c.name(), c.id())),
                        StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
                pre = now;
                Thread.sleep(STATS_INTERVAL_MS);
            }
        }
    }

    void postContainerAttach(ApiExchange ex) {
        Instant attachedAt = Instant.now();
        ContainerInfo c = containers.inspect(ex.param("id"));
        Query q = ex.query();
        AttachSession.Options options = new AttachSession.Options(q.bool("logs", false), q.bool("stream", false),
                q.bool("stdin", false), q.bool("stdout", false), q.bool("stderr", false));
        ex.hijack(MuxOutput.contentType(ex.version(), c.config().tty()),
                new AttachSession(containers, c, options, attachedAt));
    }

    private static Instant time(Query q, String name) {
        Instant t = Times.parse(name, q.get(name));
        return t == null || t.equals(Instant.EPOCH) ? null : t;
    }

    private static int tail(String tail) {
        if (tail == null || tail.isEmpty() || "all".equals(tail)) {
            return -1;
        }
        try {
            return Math.max(-1, Integer.parseInt(tail));
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid value for tail: " + tail);
        }
    }

    private static WaitCondition condition(String value) {
        if (value == null || value.isEmpty()) {
            return WaitCondition.NOT_RUNNING;
        }
        for (WaitCondition c : WaitCondition.values()) {
            if (c.wireName().equals(value)) {
                return c;
            }
        }
        throw new InvalidArgumentException("invalid condition: \"" + value + "\"");
    }
}
