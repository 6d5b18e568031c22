package io.berth.rest.internal.router.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.event.BerthEvent;
import io.berth.rest.internal.TestServers;
import io.berth.rest.internal.testing.FakeEvents;
import io.berth.rest.internal.testing.FakeSystem;
import io.berth.rest.internal.testing.RawHttp;

class SystemRouterTest {

    @TempDir
    Path dir;

    private final FakeEvents events = new FakeEvents();
    private final EventsRouter eventsRouter = new EventsRouter();
    private TestServers.Running server;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        eventsRouter.bindEvents(events);
        server = TestServers.start(dir, new SystemRouter(new FakeSystem()), eventsRouter);
        http = new RawHttp(server.socket());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pingAnswersHeadAndGetWithDockerHeaders() throws Exception {
        RawHttp.Response head = http.send("HEAD", "/_ping", null, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Api-Version")).isEqualTo("1.44");
        assertThat(head.header("Cache-Control")).isEqualTo("no-cache, no-store, must-revalidate");
        assertThat(head.header("Pragma")).isEqualTo("no-cache");
        assertThat(head.header("Docker-Experimental")).isEqualTo("false");
        assertThat(head.header("Ostype")).isEqualTo("linux");
        RawHttp.Response get = http.get("/v1.41/_ping");
        assertThat(get.text()).isEqualTo("OK");
    }

    @Test
    void versionHasTheEngineComponent() throws Exception {
        String body = http.get("/v1.44/version").text();
        assertThat(body).contains("\"Name\":\"Engine\"", "\"ApiVersion\":\"1.44\"", "\"MinAPIVersion\":\"1.24\"",
                "\"Version\":\"1.2.3\"", "\"Os\":\"linux\"");
    }

    @Test
    void infoListsRuntimesAndCounts() throws Exception {
        String body = http.get("/info").text();
        assertThat(body).contains("\"DefaultRuntime\":\"runc\"", "\"Containers\":3", "\"ContainersRunning\":1",
                "\"Images\":4", "\"runc\":{\"path\":\"/usr/sbin/runc\"", "\"crun\":", "binary missing",
                "\"ControlAvailable\":false");
    }

    @Test
    void eventsReplayUntilAndFilter() throws Exception {
        Instant t0 = Instant.now().minusSeconds(10);
        events.publish(new BerthEvent("container", "create", "abc123", Map.of("name", "c1", "image", "busybox"), t0));
        events.publish(new BerthEvent("image", "tag", "sha256:1", Map.of(), t0.plusSeconds(1)));
        events.publish(new BerthEvent("container", "start", "abc123", Map.of("name", "c1"), t0.plusSeconds(2)));
        long until = Instant.now().getEpochSecond();
        String all = http.get("/events?since=" + t0.getEpochSecond() + "&until=" + until).text();
        assertThat(all.lines()).hasSize(3);
        assertThat(all).contains("\"status\":\"create\"", "\"from\":\"busybox\"", "\"Type\":\"container\"",
                "\"timeNano\":" + (t0.getEpochSecond() * 1_000_000_000L + t0.getNano()));
        String filtered = http.get("/events?since=" + t0.getEpochSecond() + "&until=" + until
                + "&filters=%7B%22type%22%3A%7B%22container%22%3Atrue%7D%2C%22event%22%3A%5B%22start%22%5D%7D").text();
        assertThat(filtered.lines()).hasSize(1).allMatch(l -> l.contains("\"Action\":\"start\""));
    }

    @Test
    void invalidEventFiltersAre400() throws Exception {
        assertThat(http.get("/events?filters=%7Bnope").status()).isEqualTo(400);
        assertThat(http.get("/events?filters=%7B%22bogus%22%3A%5B%22x%22%5D%7D").status()).isEqualTo(400);
        assertThat(http.get("/events?since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void eventsStreamLiveWithHeadersSentAtOnce() throws Exception {
        try (SocketChannel ch = http.open()) {
            ch.write(java.nio.ByteBuffer.wrap("GET /events HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(ch);
            assertThat(RawHttp.readLine(in)).isEqualTo("HTTP/1.1 200 OK");
            String line;
            while (!(line = RawHttp.readLine(in)).isEmpty()) {
                assertThat(line).doesNotStartWith("Content-Length");
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (events.subscribers() == 0 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            events.publish(new BerthEvent("container", "die", "abc", Map.of("exitCode", "3"), Instant.now()));
            RawHttp.readLine(in); // chunk size
            assertThat(RawHttp.readLine(in)).contains("\"Action\":\"die\"", "\"exitCode\":\"3\"");
        }
    }

    @Test
    void anOpenEventStreamContinuesWithTheNextEventServiceAfterAnUpdate() throws Exception {
        try (SocketChannel ch = http.open()) {
            ch.write(java.nio.ByteBuffer.wrap("GET /events HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(ch);
            while (!RawHttp.readLine(in).isEmpty()) {
                // headers
            }
            awaitSubscriber(events);
            events.publish(new BerthEvent("container", "start", "old", Map.of(), Instant.now()));
            assertThat(nextEvent(in)).contains("\"ID\":\"old\"");

            eventsRouter.unbindEvents(events);
            FakeEvents updated = new FakeEvents();
            updated.publish(new BerthEvent("container", "create", "while-away", Map.of(), Instant.now()));
            eventsRouter.bindEvents(updated);
            awaitSubscriber(updated);
            updated.publish(new BerthEvent("container", "start", "after", Map.of(), Instant.now()));

            assertThat(nextEvent(in)).contains("\"ID\":\"while-away\"");
            assertThat(nextEvent(in)).contains("\"ID\":\"after\"");
            assertThat(events.subscribers()).isZero();
        }
    }

    /** The next event line of a chunked stream (one event per chunk). */
    private static String nextEvent(InputStream in) throws java.io.IOException {
        String size = RawHttp.readLine(in);
        while (size.isEmpty()) {
            size = RawHttp.readLine(in);
        }
        return RawHttp.readLine(in);
    }

    private static void awaitSubscriber(FakeEvents service) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (service.subscribers() == 0 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(service.subscribers()).isPositive();
    }
}
