package io.berth.rest.internal.router.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.berth.rest.internal.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.LogEntry;
import io.berth.api.container.Mount;
import io.berth.api.container.RestartPolicy;
import com.fasterxml.jackson.databind.JsonNode;

import io.berth.rest.internal.TestServers;
import io.berth.rest.internal.wire.Json;
import io.berth.rest.internal.testing.FakeContainers;
import io.berth.rest.internal.testing.RawHttp;

class ContainerRouterTest {

    @TempDir
    Path dir;

    private final FakeContainers containers = new FakeContainers();
    private TestServers.Running server;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dir, new ContainerRouter(containers));
        http = new RawHttp(server.socket());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static JsonNode json(String body) throws Exception {
        return Json.mapper().readTree(body);
    }

    private String create(String name, String body) throws Exception {
        RawHttp.Response r = http.post("/v1.44/containers/create?name=" + name, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return containers.get(name).info.id();
    }

    @Test
    void createMapsDockerJsonToTheSpec() throws Exception {
        RawHttp.Response r = http.post("/v1.44/containers/create?name=web", """
                {"Image":"busybox","Cmd":["sh","-c","echo hi"],"Env":["A=1"],"WorkingDir":"/w","User":"1000",
                 "Hostname":"h","Labels":{"l":"v"},"Tty":true,"OpenStdin":true,"Unknown":{"x":[1]},
                 "HostConfig":{"Runtime":"crun","NetworkMode":"host","Binds":["/src:/dst:ro","vol:/data"],
                   "Memory":1048576,"CpuShares":512,"NanoCpus":500000000,"PidsLimit":-1,"AutoRemove":true,
                   "RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3},"ReadonlyRootfs":true,
                   "CapAdd":["NET_ADMIN"],"CapDrop":["ALL"],"SecurityOpt":["no-new-privileges"],
                   "PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}}}""");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text()).matches("\\{\"Id\":\"[0-9a-f]{64}\",\"Warnings\":\\[]}");
        ContainerSpec s = containers.lastSpec;
        assertThat(s.image()).isEqualTo("busybox");
        assertThat(s.cmd()).containsExactly("sh", "-c", "echo hi");
        assertThat(s.entrypoint()).isNull();
        assertThat(s.env()).containsExactly("A=1");
        assertThat(s.workingDir()).isEqualTo("/w");
        assertThat(s.user()).isEqualTo("1000");
        assertThat(s.tty()).isTrue();
        assertThat(s.openStdin()).isTrue();
        assertThat(s.runtime()).isEqualTo("crun");
        assertThat(s.networkMode()).isEqualTo("host");
        assertThat(s.mounts()).containsExactly(new Mount(Mount.Type.BIND, "/src", "/dst", true),
                new Mount(Mount.Type.VOLUME, "vol", "/data", false));
        assertThat(s.resources().memoryBytes()).isEqualTo(1048576);
        assertThat(s.resources().nanoCpus()).isEqualTo(500000000);
        assertThat(s.resources().pidsLimit()).isZero();
        assertThat(s.autoRemove()).isTrue();
        assertThat(s.restartPolicy()).isEqualTo(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 3));
        assertThat(s.security().readOnlyRootfs()).isTrue();
        assertThat(s.security().noNewPrivileges()).isTrue();
        assertThat(s.security().capAdd()).containsExactly("NET_ADMIN");
        assertThat(s.publishedPorts()).containsExactly("8080:80/tcp");
    }

    @Test
    void createRefusesBadInputWith400() throws Exception {
        assertThat(http.post("/containers/create", "{\"Image\":").status()).isEqualTo(400);
        assertThat(http.post("/containers/create", "{\"Image\":\"b\",\"Tty\":\"yes\"}").status()).isEqualTo(400);
        assertThat(http.post("/containers/create", "{\"Image\":\"b\",\"HostConfig\":{\"Memory\":\"1g\"}}").status())
                .isEqualTo(400);
        assertThat(http.post("/containers/create", "{}").text()).contains("Image is required");
        assertThat(http.post("/containers/create?name=bad%2Fname", "{\"Image\":\"b\"}").text())
                .contains("Invalid container name");
        assertThat(http.post("/containers/create", "{\"Image\":\"b\",\"HostConfig\":{\"Runtime\":\"/usr/bin/runc\"}}")
                .text()).contains("invalid runtime name");
        assertThat(http.post("/containers/create",
                "{\"Image\":\"b\",\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"sometimes\"}}}").status()).isEqualTo(400);
        assertThat(http.post("/containers/create", "{\"Image\":\"b\",\"HostConfig\":{\"Binds\":[\"nocolon\"]}}")
                .status()).isEqualTo(400);
        create("ok", "{\"Image\":\"busybox\"}");
        assertThat(http.post("/containers/create?name=ok", "{\"Image\":\"busybox\"}").status()).isEqualTo(409);
    }

    @Test
    void listsWithFiltersAndRefusesInvalidOnes() throws Exception {
        create("ca", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"1 2\"]}");
        create("cb", "{\"Image\":\"busybox\"}");
        containers.start("ca");
        String running = http.get("/containers/json").text();
        assertThat(running).contains("\"Names\":[\"/ca\"]", "\"State\":\"running\"", "\"Status\":\"Up ",
                "\"Command\":\"sleep '1 2'\"").doesNotContain("/cb");
        assertThat(http.get("/containers/json?all=1").text()).contains("/ca", "/cb", "\"Status\":\"Created\"");
        assertThat(http.get("/containers/json?filters=%7B%22status%22%3A%7B%22created%22%3Atrue%7D%7D").text())
                .contains("/cb").doesNotContain("/ca\"");
        assertThat(http.get("/containers/json?filters=%7B%22status%22%3A%5B%22bogus%22%5D%7D").status()).isEqualTo(400);
        assertThat(http.get("/containers/json?filters=%7B%22nope%22%3A%5B%5D%7D").status()).isEqualTo(400);
        assertThat(http.get("/containers/json?filters=notjson").status()).isEqualTo(400);
        assertThat(http.get("/containers/json?limit=x").status()).isEqualTo(400);
    }

    @Test
    void inspectHasDockersShape() throws Exception {
        String id = create("i1", "{\"Image\":\"busybox\",\"Cmd\":[\"echo\",\"hi\"]}");
        String body = http.get("/containers/i1/json").text();
        assertThat(body).contains("\"Id\":\"" + id + "\"", "\"Name\":\"/i1\"", "\"Path\":\"echo\"",
                "\"Args\":[\"hi\"]", "\"Status\":\"created\"", "\"Running\":false", "\"OOMKilled\":false",
                "\"StartedAt\":\"0001-01-01T00:00:00Z\"", "\"Tty\":false", "\"Image\":\"busybox\"",
                "\"Runtime\":\"mock\"");
        assertThat(json(body).at("/HostConfig/RestartPolicy/Name").asText()).isEqualTo("no");
        RawHttp.Response missing = http.get("/containers/nosuch/json");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).isEqualTo("{\"message\":\"No such container: nosuch\"}");
    }

    @Test
    void lifecycleVerbsAnswerLikeDockerd() throws Exception {
        create("l1", "{\"Image\":\"busybox\"}");
        assertThat(http.post("/containers/l1/start", null).status()).isEqualTo(204);
        assertThat(http.post("/containers/l1/start", null).status()).isEqualTo(304);
        assertThat(http.post("/containers/l1/top", null).status()).isEqualTo(404);
        assertThat(http.get("/containers/l1/top").text()).contains("\"Titles\":[\"UID\",\"PID\",\"CMD\"]");
        assertThat(http.send("DELETE", "/containers/l1", null, null).status()).isEqualTo(409);
        assertThat(http.post("/containers/l1/stop?t=2&signal=SIGUSR1", null).status()).isEqualTo(204);
        assertThat(containers.calls).contains("stop l1 t=2 signal=SIGUSR1");
        assertThat(http.post("/containers/l1/stop", null).status()).isEqualTo(304);
        assertThat(http.post("/containers/l1/kill", null).status()).isEqualTo(409);
        assertThat(http.get("/containers/l1/top").status()).isEqualTo(409);
        assertThat(http.post("/containers/l1/stop?t=soon", null).status()).isEqualTo(400);
        assertThat(http.post("/containers/l1/rename?name=l2", null).status()).isEqualTo(204);
        assertThat(http.post("/containers/l2/rename", null).status()).isEqualTo(400);
        assertThat(http.post("/containers/l2/pause", null).status()).isEqualTo(204);
        assertThat(http.post("/containers/l2/unpause", null).status()).isEqualTo(204);
        assertThat(http.post("/containers/l2/resize?h=30&w=100", null).status()).as("stopped").isEqualTo(409);
        assertThat(http.post("/containers/l2/restart?t=1", null).status()).isEqualTo(204);
        assertThat(http.send("DELETE", "/containers/l2?force=1&v=1", null, null).status()).isEqualTo(204);
        assertThat(containers.calls).contains("remove l2 force=true v=true");
        assertThat(http.post("/containers/l2/start", null).status()).isEqualTo(404);
    }

    @Test
    void resizeNeedsBothSizesAndARunningContainer() throws Exception {
        create("r1", "{\"Image\":\"busybox\",\"Tty\":true}");
        RawHttp.Response stopped = http.post("/v1.44/containers/r1/resize?h=33&w=77", null);
        assertThat(stopped.status()).isEqualTo(409);
        assertThat(stopped.text()).matches("\\{\"message\":\"Container [0-9a-f]{64} is not running\"}");
        http.post("/containers/r1/start", null);
        assertThat(http.post("/v1.44/containers/r1/resize?h=33&w=77", null).status()).isEqualTo(200);
        assertThat(containers.calls).contains("resize r1 33x77");
        assertThat(http.post("/containers/r1/resize?h=33", null).text())
                .isEqualTo("{\"message\":\"invalid value for w: \"}");
        assertThat(http.post("/containers/r1/resize?h=x&w=1", null).status()).isEqualTo(400);
        assertThat(http.post("/containers/r1/resize", null).status()).isEqualTo(400);
        assertThat(http.post("/containers/nosuch/resize?h=1&w=1", null).status()).isEqualTo(404);
    }

    @Test
    void failedStartIsAnErrorAndEndsTheAttach() throws Exception {
        // removing an auto-remove container that cannot start is the engine's part (core tests it)
        create("rm1", "{\"Image\":\"busybox\",\"Cmd\":[\"/nosuchcmd\"],\"HostConfig\":{\"AutoRemove\":true}}");
        try (SocketChannel ch = http.open()) {
            ch.write(ByteBuffer.wrap(("POST /containers/rm1/attach?stream=1&stdout=1&stderr=1 HTTP/1.1\r\n"
                    + "Host: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(ch);
            while (!RawHttp.readLine(in).isEmpty()) {
                // 101 and its headers
            }
            RawHttp.Response start = http.post("/containers/rm1/start", null);
            assertThat(start.status()).isEqualTo(400);
            assertThat(start.text()).contains("no such file or directory");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void killSendsSigkillByDefault() throws Exception {
        create("kk", "{\"Image\":\"busybox\"}");
        containers.start("kk");
        assertThat(http.post("/containers/kk/kill", null).status()).isEqualTo(204);
        assertThat(containers.calls).contains("kill kk SIGKILL");
    }

    @Test
    void waitSendsHeadersAtOnceAndTheBodyAtExit() throws Exception {
        create("ww", "{\"Image\":\"busybox\"}");
        containers.start("ww");
        try (SocketChannel ch = http.open()) {
            ch.write(ByteBuffer.wrap("POST /v1.44/containers/ww/wait?condition=next-exit HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(ch);
            assertThat(RawHttp.readLine(in)).isEqualTo("HTTP/1.1 200 OK");
            while (!RawHttp.readLine(in).isEmpty()) {
                // headers arrived before the exit
            }
            containers.exit("ww", 3);
            RawHttp.readLine(in);
            assertThat(RawHttp.readLine(in)).isEqualTo("{\"Error\":null,\"StatusCode\":3}");
        }
        assertThat(http.post("/containers/ww/wait", null).text()).isEqualTo("{\"Error\":null,\"StatusCode\":3}\n");
        assertThat(http.post("/containers/ww/wait?condition=bogus", null).status()).isEqualTo(400);
        assertThat(http.post("/containers/nosuch/wait", null).status()).isEqualTo(404);
    }

    @Test
    void logsAreFramedWithoutTtyAndRawWithTty() throws Exception {
        create("gg", "{\"Image\":\"busybox\"}");
        Instant t = Instant.parse("2026-11-27T16:30:02.066167942Z");
        containers.get("gg").log.addAll(List.of(new LogEntry(LogEntry.Stream.STDOUT, t, "out1", false),
                new LogEntry(LogEntry.Stream.STDERR, t, "err1", false)));
        byte[] body = http.get("/v1.44/containers/gg/logs?stdout=1&stderr=1").body();
        assertThat(body).containsExactly(1, 0, 0, 0, 0, 0, 0, 5, 'o', 'u', 't', '1', '\n',
                2, 0, 0, 0, 0, 0, 0, 5, 'e', 'r', 'r', '1', '\n');
        RawHttp.Response ts = http.get("/v1.44/containers/gg/logs?stdout=1&stderr=1&timestamps=1&tail=all");
        assertThat(ts.header("Content-Type")).isEqualTo("application/vnd.docker.multiplexed-stream");
        assertThat(new String(ts.body(), 8, 36, StandardCharsets.UTF_8))
                .isEqualTo("2026-11-27T16:30:02.066167942Z out1\n");
        assertThat(http.get("/containers/gg/logs?stdout=1&tail=x").status()).isEqualTo(400);
        create("tty", "{\"Image\":\"busybox\",\"Tty\":true}");
        containers.get("tty").log.add(new LogEntry(LogEntry.Stream.STDOUT, t, "raw", false));
        assertThat(http.get("/containers/tty/logs?stdout=1").text()).isEqualTo("raw\n");
    }

    @Test
    void attachUpgradesAndStreamsTheRunStartedAfterIt() throws Exception {
        create("at", "{\"Image\":\"busybox\",\"OpenStdin\":true}");
        containers.get("at").onStart.add(new LogEntry(LogEntry.Stream.STDOUT, Instant.now(), "hello", false));
        try (SocketChannel ch = http.open()) {
            ch.write(ByteBuffer.wrap(("POST /v1.44/containers/at/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n"
                    + "Host: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\nabc")
                    .getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(ch);
            assertThat(RawHttp.readLine(in)).startsWith("HTTP/1.1 101");
            String line;
            boolean upgrade = false;
            while (!(line = RawHttp.readLine(in)).isEmpty()) {
                upgrade |= line.equalsIgnoreCase("Upgrade: tcp");
            }
            assertThat(upgrade).isTrue();
            ch.shutdownOutput();
            containers.start("at");
            assertThat(in.readNBytes(14)).containsExactly(1, 0, 0, 0, 0, 0, 0, 6, 'h', 'e', 'l', 'l', 'o', '\n');
            // bytes sent before the start reach stdin once it runs (the pump delivers on its own thread)
            Eventually.assertEquals("abc", () -> containers.get("at").stdin.toString(StandardCharsets.UTF_8));
            containers.exit("at", 0);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void statsOneShotAndPrune() throws Exception {
        create("ss", "{\"Image\":\"busybox\"}");
        containers.start("ss");
        JsonNode stats = json(http.get("/containers/ss/stats?stream=0&one-shot=1").text());
        assertThat(stats.at("/cpu_stats/cpu_usage/total_usage").asLong()).isEqualTo(1000);
        assertThat(stats.at("/cpu_stats/online_cpus").asInt()).isEqualTo(2);
        assertThat(stats.at("/precpu_stats/cpu_usage/total_usage").asLong()).isZero();
        assertThat(stats.at("/memory_stats/usage").asLong()).isEqualTo(4096);
        assertThat(stats.at("/pids_stats/current").asLong()).isEqualTo(1);
        assertThat(stats.at("/name").asText()).isEqualTo("/ss");
        create("dead", "{\"Image\":\"busybox\"}");
        String pruned = http.post("/containers/prune", null).text();
        assertThat(pruned).contains(containers.lastSpec == null ? "" : "ContainersDeleted").doesNotContain(
                containers.get("ss").info.id());
        assertThat(containers.calls).anyMatch(c -> c.startsWith("remove dead"));
    }
}
