package io.berth.rest.internal.router.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.rest.internal.TestServers;
import io.berth.rest.internal.testing.FakeExecs;
import io.berth.rest.internal.testing.RawHttp;
import io.berth.rest.internal.wire.Json;

class ExecRouterTest {

    @TempDir
    Path dir;

    private final FakeExecs execs = new FakeExecs();
    private TestServers.Running server;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dir, new ExecRouter(execs));
        http = new RawHttp(server.socket());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String create(String cmd) throws Exception {
        RawHttp.Response r = http.post("/v1.44/containers/c1/exec",
                "{\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":false,\"Cmd\":" + cmd + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return Json.mapper().readTree(r.text()).get("Id").asText();
    }

    @Test
    void startStreamsFramesThenInspectShowsTheExitCode() throws Exception {
        String id = create("[\"sh\",\"-c\",\"exit 5\"]");
        RawHttp.Response r = http.post("/v1.44/exec/" + id + "/start", "{\"Detach\":false,\"Tty\":false}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.docker.multiplexed-stream");
        byte[] body = r.body();
        assertThat(body[0]).isEqualTo((byte) 1);
        assertThat(new String(body, 8, body[7], StandardCharsets.UTF_8)).isEqualTo("sh -c exit 5\n");
        assertThat(body[8 + body[7]]).isEqualTo((byte) 2);
        JsonNode inspect = Json.mapper().readTree(http.get("/exec/" + id + "/json").text());
        assertThat(inspect.get("Running").asBoolean()).isFalse();
        assertThat(inspect.get("ExitCode").asInt()).isEqualTo(5);
        assertThat(inspect.at("/ProcessConfig/entrypoint").asText()).isEqualTo("sh");
        assertThat(http.post("/exec/" + id + "/start", "{}").status()).isEqualTo(409);
    }

    @Test
    void detachedStartAnswersAtOnce() throws Exception {
        String id = create("[\"true\"]");
        assertThat(http.post("/exec/" + id + "/start", "{\"Detach\":true}").status()).isEqualTo(200);
        assertThat(http.post("/exec/" + id + "/resize?h=10&w=20", null).status()).isEqualTo(200);
        assertThat(execs.resizes).containsExactly(id + " 10x20");
        assertThat(http.post("/exec/" + id + "/resize?w=20", null).status()).isEqualTo(400);
        assertThat(http.post("/exec/nosuch/resize?h=1&w=1", null).status()).isEqualTo(404);
    }

    @Test
    void errorsAreClear() throws Exception {
        assertThat(http.post("/containers/c1/exec", "{\"Cmd\":[]}").text()).contains("No exec command specified");
        assertThat(http.post("/containers/nosuch/exec", "{\"Cmd\":[\"ls\"]}").status()).isEqualTo(404);
        assertThat(http.post("/containers/c1/exec", "{\"Cmd\":5}").status()).isEqualTo(400);
        assertThat(http.post("/exec/nosuch/start", "{}").status()).isEqualTo(404);
        assertThat(http.get("/exec/nosuch/json").status()).isEqualTo(404);
    }
}
