package io.berth.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Docker API inside Karaf with the mock runtime, over the private unix socket: the routers are mounted and
 * a container's life (import, create, start, wait, logs, inspect, list, remove) works end to end.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestApiIT extends BerthTestSupport {

    private UnixHttp http;

    @Before
    public void awaitApi() {
        Path socket = Path.of(System.getProperty("berth.itest.state"), "run", "berth.sock");
        http = new UnixHttp(socket);
        await("the Docker API on " + socket, () -> Files.exists(socket) && status("GET", "/containers/json") == 200
                && status("GET", "/images/json") == 200 && status("GET", "/info") == 200);
    }

    private int status(String method, String path) {
        try {
            return http.send(method, path, null, null).status();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    public void pingVersionAndInfo() throws Exception {
        UnixHttp.Response ping = http.send("HEAD", "/_ping", null, null);
        assertEquals(200, ping.status());
        assertTrue(ping.headers(), ping.headers().contains("Api-Version: 1.44"));
        assertTrue(http.send("GET", "/v1.44/version", null, null).text().contains("\"Name\":\"Engine\""));
        String info = http.send("GET", "/info", null, null).text();
        assertTrue(info, info.contains("\"DefaultRuntime\":\"mock\"") && info.contains("\"mock\":"));
        assertEquals(400, http.send("GET", "/v1.99/info", null, null).status());
        assertEquals(404, http.send("GET", "/networks/x", null, null).status());
    }

    @Test
    public void concurrentCreatesOfOneNameGiveOneWinnerAndConflicts() throws Exception {
        http.send("POST", "/images/create?fromSrc=-&repo=restit%3A2", "application/x-tar", RootfsFixture.tarball());
        java.util.List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> http.send("POST", "/containers/create?name=same", "application/json",
                    "{\"Image\":\"restit:2\",\"Cmd\":[\"true\"]}".getBytes(StandardCharsets.UTF_8)).status());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 201).count());
            assertEquals(statuses.toString(), 7, statuses.stream().filter(s -> s == 409).count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(204, http.send("DELETE", "/containers/same", null, null).status());
        assertEquals(200, status("GET", "/containers/json"));
    }

    @Test
    public void containerLifeThroughTheApi() throws Exception {
        UnixHttp.Response imported = http.send("POST", "/images/create?fromSrc=-&repo=restit%3A1",
                "application/x-tar", RootfsFixture.tarball());
        assertEquals(imported.text(), 200, imported.status());
        UnixHttp.Response created = http.send("POST", "/v1.44/containers/create?name=api1", "application/json",
                "{\"Image\":\"restit:1\",\"Cmd\":[\"echo\",\"hi\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(created.text(), 201, created.status());
        Matcher id = Pattern.compile("\"Id\":\"([0-9a-f]{64})\"").matcher(created.text());
        assertTrue(created.text(), id.find());
        assertEquals(204, http.send("POST", "/containers/api1/start", null, null).status());
        assertEquals("{\"Error\":null,\"StatusCode\":0}\n",
                http.send("POST", "/containers/api1/wait", null, null).text());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n'},
                http.send("GET", "/containers/" + id.group(1) + "/logs?stdout=1&stderr=1", null, null).body());
        String inspect = http.send("GET", "/containers/api1/json", null, null).text();
        assertTrue(inspect, inspect.contains("\"Status\":\"exited\"") && inspect.contains("\"Name\":\"/api1\""));
        assertTrue(http.send("GET", "/containers/json?all=1", null, null).text().contains("\"/api1\""));
        assertEquals(204, http.send("DELETE", "/containers/api1", null, null).status());
        assertEquals(404, http.send("GET", "/containers/api1/json", null, null).status());
    }

    @Test
    public void resizeOfARunningTerminalContainer() throws Exception {
        http.send("POST", "/images/create?fromSrc=-&repo=restit%3A3", "application/x-tar", RootfsFixture.tarball());
        UnixHttp.Response created = http.send("POST", "/containers/create?name=tty1", "application/json",
                "{\"Image\":\"restit:3\",\"Tty\":true,\"Cmd\":[\"sleep\",\"30\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(created.text(), 201, created.status());
        assertEquals(409, http.send("POST", "/containers/tty1/resize?h=33&w=77", null, null).status());
        assertEquals(204, http.send("POST", "/containers/tty1/start", null, null).status());
        assertEquals(200, http.send("POST", "/v1.44/containers/tty1/resize?h=33&w=77", null, null).status());
        assertEquals(400, http.send("POST", "/containers/tty1/resize?h=33", null, null).status());
        assertEquals(204, http.send("DELETE", "/containers/tty1?force=1", null, null).status());
    }
}
