package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import io.berth.api.container.ContainerService;

/**
 * The engine bundle (berth-core) and the REST bundle are updated in place while a container runs and clients
 * call the Docker API: the new engine re-adopts the container, requests that arrive meanwhile wait and then
 * succeed, an events stream opened before goes on with the new engine's events, and after a REST update the
 * clients reconnect.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EngineUpdateIT extends BerthTestSupport {

    private Path socket;
    private UnixHttp http;

    @Before
    public void awaitApi() {
        socket = Path.of(System.getProperty("berth.itest.state"), "run", "berth.sock");
        http = new UnixHttp(socket);
        await("the Docker API on " + socket, () -> status("GET", "/containers/json") == 200
                && status("GET", "/images/json") == 200);
    }

    @Test
    public void theEngineIsUpdatedWhileAContainerRunsAndClientsCallTheApi() throws Exception {
        assertEquals(200, http.send("POST", "/images/create?fromSrc=-&repo=update%3A1", "application/x-tar",
                RootfsFixture.tarball()).status());
        String id = createAndStart("update-running", "sleep", "300");
        BlockingQueue<String> events = openEventStream();
        Clients clients = Clients.start(http, 4);
        long engine = serviceId(ContainerService.class);

        bundle("berth-core").update();
        await("a new engine", () -> serviceId(ContainerService.class) > engine);
        Thread.sleep(500);
        Map<Integer, Long> statuses = clients.stop();

        assertEquals("every request during the update answered 200: " + statuses, Map.of(200, clients.total()),
                statuses);
        assertTrue("requests were made during the update", clients.total() > 10);
        assertTrue(http.send("GET", "/containers/update-running/json", null, null).text()
                .contains("\"Running\":true"));
        assertEquals(id, inspectId("update-running"));
        createAndStart("update-after", "sleep", "300");
        assertTrue("the stream opened before the update shows the new engine's events",
                awaitLine(events, "\"Action\":\"create\"", "update-after"));
        assertEquals(204, http.send("POST", "/containers/update-running/kill", null, null).status());
    }

    @Test
    public void theRestBundleIsUpdatedAndClientsReconnect() throws Exception {
        assertEquals(200, http.send("POST", "/images/create?fromSrc=-&repo=update%3A1", "application/x-tar",
                RootfsFixture.tarball()).status());
        createAndStart("rest-update", "sleep", "300");

        bundle("berth-rest").update();

        await("the API back after the REST update", () -> status("GET", "/containers/rest-update/json") == 200);
        assertTrue(http.send("GET", "/containers/rest-update/json", null, null).text().contains("\"Running\":true"));
        assertEquals(204, http.send("POST", "/containers/rest-update/kill", null, null).status());
    }

    private String createAndStart(String name, String... cmd) throws IOException {
        String body = "{\"Image\":\"update:1\",\"Cmd\":[\"" + String.join("\",\"", cmd) + "\"]}";
        UnixHttp.Response created = http.send("POST", "/containers/create?name=" + name, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(created.text(), 201, created.status());
        assertEquals(204, http.send("POST", "/containers/" + name + "/start", null, null).status());
        return inspectId(name);
    }

    private String inspectId(String name) throws IOException {
        String json = http.send("GET", "/containers/" + name + "/json", null, null).text();
        int at = json.indexOf("\"Id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }

    private int status(String method, String path) {
        try {
            return http.send(method, path, null, null).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private long serviceId(Class<?> type) {
        ServiceReference<?> ref = bundleContext.getServiceReference(type);
        return ref == null ? -1 : (Long) ref.getProperty("service.id");
    }

    /** {@code GET /events} on its own connection; each line the stream sends goes to the queue. */
    private BlockingQueue<String> openEventStream() throws IOException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        EventLines.open(socket, lines::add);
        return lines;
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && List.of(parts).stream().allMatch(line::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Clients that list containers in a loop and count the statuses they get. */
    private static final class Clients {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();
        private final List<Thread> threads;

        private Clients(UnixHttp http, int count) {
            threads = java.util.stream.IntStream.range(0, count).mapToObj(i -> new Thread(() -> {
                while (running.get()) {
                    int status;
                    try {
                        status = http.send("GET", i % 2 == 0 ? "/containers/json?all=1"
                                : "/containers/update-running/json", null, null).status();
                    } catch (IOException e) {
                        status = -1;
                    }
                    statuses.merge(status, 1L, Long::sum);
                    total.incrementAndGet();
                }
            }, "client-" + i)).toList();
            threads.forEach(Thread::start);
        }

        static Clients start(UnixHttp http, int count) {
            return new Clients(http, count);
        }

        Map<Integer, Long> stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            return Map.copyOf(statuses);
        }

        long total() {
            return total.get();
        }
    }
}
