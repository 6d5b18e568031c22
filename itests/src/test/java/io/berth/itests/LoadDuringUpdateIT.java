package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Load during a runtime update: 8 clients take 200 containers in all through create, start, stop and remove over
 * the Docker API while the mock runtime's bundle is updated half-way. A request the engine answers 503 (the
 * runtime away) is retried, as a client would; every other request must succeed. Then no container is left,
 * none was lost, and the event stream opened before saw exactly one create, start, die and destroy for each.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoadDuringUpdateIT extends BerthTestSupport {

    private static final int CLIENTS = 8;
    private static final int CONTAINERS = 200;
    private static final Pattern EVENT = Pattern.compile("\"Action\":\"(\\w+)\".*\"name\":\"(load-[0-9-]+)\"");

    private Path socket;
    private UnixHttp http;

    @Before
    public void awaitApi() {
        socket = Path.of(System.getProperty("berth.itest.state"), "run", "berth.sock");
        http = new UnixHttp(socket);
        await("the Docker API", () -> status("/containers/json") == 200 && status("/images/json") == 200);
    }

    @Test
    public void eightClientsAndARuntimeUpdateLoseNothing() throws Exception {
        assertEquals(200, http.send("POST", "/images/create?fromSrc=-&repo=load%3A1", "application/x-tar",
                RootfsFixture.tarball()).status());
        List<String> events = new CopyOnWriteArrayList<>();
        openEventStream(events);
        Map<String, AtomicInteger> retried = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(CONTAINERS / 2);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(new Thread(() -> {
                for (int i = client; i < CONTAINERS; i += CLIENTS) {
                    String name = "load-" + client + "-" + i;
                    try {
                        lifecycle(name, retried);
                        done.incrementAndGet();
                    } catch (IOException | AssertionError e) {
                        failures.add(name + ": " + e.getMessage() + " (now " + inspect(name) + "; events "
                                + events.stream().filter(l -> l.contains("\"" + name + "\"")).map(EventLine::action)
                                        .toList() + ")");
                    }
                    halfway.countDown();
                }
            }, "load-client-" + c));
        }
        clients.forEach(Thread::start);

        assertTrue("half of the containers through", halfway.await(5, TimeUnit.MINUTES));
        bundle("berth-runtime-mock").update();
        for (Thread t : clients) {
            t.join(TimeUnit.MINUTES.toMillis(5));
            if (t.isAlive()) {
                fail("client " + t.getName() + " still running after 5 minutes (deadlock?)");
            }
        }

        assertEquals("failures: " + failures, List.of(), failures);
        assertEquals(CONTAINERS, done.get());
        assertTrue(http.send("GET", "/containers/json?all=1", null, null).text().equals("[]"));
        await("the destroy events of all containers", () -> count(events, "destroy") == CONTAINERS);
        for (String action : List.of("create", "start", "die", "destroy")) {
            assertEquals(action + " events (retries: " + retried + ")", CONTAINERS, count(events, action));
        }
        assertEquals("one event per action and container", CONTAINERS * 4,
                events.stream().map(EVENT::matcher).filter(Matcher::find)
                        .filter(m -> List.of("create", "start", "die", "destroy").contains(m.group(1)))
                        .map(m -> m.group(1) + " " + m.group(2)).distinct().count());
    }

    private void lifecycle(String name, Map<String, AtomicInteger> retried) throws IOException {
        call("POST", "/containers/create?name=" + name, "{\"Image\":\"load:1\",\"Cmd\":[\"sleep\",\"300\"]}", 201,
                retried);
        call("POST", "/containers/" + name + "/start", null, 204, retried);
        call("POST", "/containers/" + name + "/stop?t=1", null, 204, retried);
        call("DELETE", "/containers/" + name, null, 204, retried);
    }

    /**
     * Sends a request, retrying while the engine answers 503 (for at most a minute); a retried start or stop may
     * find it done already (304), as Docker answers.
     */
    private void call(String method, String path, String json, int expected, Map<String, AtomicInteger> retried)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        boolean retry = false;
        while (true) {
            UnixHttp.Response r = http.send(method, path, json == null ? null : "application/json",
                    json == null ? null : json.getBytes(StandardCharsets.UTF_8));
            if (r.status() == expected || (retry && expected == 204 && r.status() == 304)) {
                return;
            }
            retry = true;
            if (r.status() != 503 || System.nanoTime() > deadline) {
                throw new AssertionError(method + " " + path + " -> " + r.status() + " " + r.text());
            }
            retried.computeIfAbsent(method + " " + path.replaceAll("load-[0-9-]+", "*"), k -> new AtomicInteger())
                    .incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private String inspect(String name) {
        try {
            String json = http.send("GET", "/containers/" + name + "/json", null, null).text();
            int at = json.indexOf("\"State\"");
            return at < 0 ? json : json.substring(at, Math.min(json.length(), at + 300));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The action of an event line. */
    private static final class EventLine {
        static String action(String line) {
            Matcher m = Pattern.compile("\"Action\":\"(\\w+)\"").matcher(line);
            return m.find() ? m.group(1) : line;
        }
    }

    private static long count(List<String> events, String action) {
        return events.stream().map(EVENT::matcher).filter(Matcher::find).filter(m -> m.group(1).equals(action))
                .count();
    }

    private int status(String path) {
        try {
            return http.send("GET", path, null, null).status();
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code GET /events} on its own connection; every line goes to {@code lines}. */
    private void openEventStream(List<String> lines) throws IOException {
        EventLines.open(socket, lines::add);
        UnixHttp.Response probe = http.send("POST", "/containers/create?name=events-probe", "application/json",
                "{\"Image\":\"load:1\",\"Cmd\":[\"true\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(probe.text(), 201, probe.status());
        await("the event stream delivering", () -> lines.stream().anyMatch(l -> l.contains("events-probe")));
        assertEquals(204, http.send("DELETE", "/containers/events-probe", null, null).status());
    }
}
