package io.berth.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.NotModifiedException;
import io.berth.api.error.UnavailableException;
import io.berth.rest.internal.TestServers;
import io.berth.rest.internal.testing.RawHttp;
import io.berth.rest.internal.wire.Json;

class ApiHandlerTest {

    /** A body the echo route parses. */
    public record Body(String name, int count, List<String> cmd) {
    }

    @TempDir
    Path dir;

    private TestServers.Running server;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        Router router = () -> List.of(
                Route.get("/things/{id}/json", ex -> ex.json(200, Map.of("id", ex.param("id"),
                        "version", ex.version().toString()))),
                Route.get("/images/{name*}/json", ex -> ex.json(200, Map.of("name", ex.param("name")))),
                Route.get("/images/json", ex -> ex.json(200, List.of())),
                Route.post("/echo", ex -> ex.json(201, ex.body(Body.class))),
                Route.get("/missing", ex -> {
                    throw new NotFoundException("No such thing: x");
                }),
                Route.get("/conflict", ex -> {
                    throw new ConflictException("in use");
                }),
                Route.get("/unavailable", ex -> {
                    throw new UnavailableException("runtime 'crun' is not available");
                }),
                Route.post("/noop", ex -> {
                    throw new NotModifiedException("already started");
                }),
                Route.get("/bug", ex -> {
                    throw new IllegalStateException("boom");
                }),
                Route.get("/flag", ex -> ex.json(200, Map.of("on", ex.query().bool("on", false)))));
        server = TestServers.start(dir, 1024, List.of(router));
        http = new RawHttp(server.socket());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesVersionedAndUnversionedPaths() throws Exception {
        assertThat(http.get("/things/a1/json").text()).contains("\"id\":\"a1\"", "\"version\":\"1.44\"");
        assertThat(http.get("/v1.41/things/a1/json").text()).contains("\"version\":\"1.41\"");
        assertThat(http.get("/v1.24/things/a1/json").status()).isEqualTo(200);
    }

    @Test
    void refusesVersionsOutOfRangeLikeDockerd() throws Exception {
        RawHttp.Response tooNew = http.get("/v1.99/things/a/json");
        assertThat(tooNew.status()).isEqualTo(400);
        assertThat(tooNew.text()).isEqualTo(
                "{\"message\":\"client version 1.99 is too new. Maximum supported API version is 1.44\"}");
        RawHttp.Response tooOld = http.get("/v1.11/things/a/json");
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.text()).contains("client version 1.11 is too old. Minimum supported API version is 1.24");
    }

    @Test
    void everyResponseCarriesDockerHeaders() throws Exception {
        RawHttp.Response r = http.get("/things/x/json");
        assertThat(r.header("Api-Version")).isEqualTo("1.44");
        assertThat(r.header("Ostype")).isEqualTo("linux");
        assertThat(r.header("Docker-Experimental")).isEqualTo("false");
        assertThat(r.header("Server")).startsWith("Berth/");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void unknownRouteIs404PageNotFound() throws Exception {
        RawHttp.Response r = http.get("/v1.44/nothing/here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.text()).isEqualTo("{\"message\":\"page not found\"}");
        assertThat(http.send("DELETE", "/things/x/json", null, null).status()).isEqualTo(404);
    }

    @Test
    void unimplementedPartsOfTheDockerApiAre404sThatSayWhatIsNotSupported() throws Exception {
        RawHttp.Response volumes = http.get("/v1.44/volumes");
        assertThat(volumes.status()).isEqualTo(404);
        assertThat(volumes.header("Content-Type")).isEqualTo("application/json");
        assertThat(Json.mapper().readTree(volumes.text()).get("message").asText())
                .isEqualTo("the volumes API (docker volume) is not supported yet: docker run -v NAME:/path makes "
                        + "a named volume, docker rm -v removes anonymous ones (GET /volumes)");
        // docker inspect walks past a 404 whose message says "not supported"
        assertThat(http.get("/networks/foo").text()).contains("not supported yet").endsWith("(GET /networks/foo)\"}");
        assertThat(http.send("PUT", "/v1.41/containers/abc/archive?path=%2Ftmp", null, null).text())
                .contains("docker cp").contains("(PUT /containers/abc/archive)");
        assertThat(http.send("POST", "/images/registry.lan:5000/team/app/push", null, null).text())
                .contains("docker push is not supported yet");
        assertThat(http.send("POST", "/build", null, null).status()).isEqualTo(404);
    }

    @Test
    void greedyParametersTakeSlashesAndLiteralsWin() throws Exception {
        assertThat(http.get("/images/docker.io/library/busybox:1/json").text())
                .isEqualTo("{\"name\":\"docker.io/library/busybox:1\"}");
        assertThat(http.get("/images/json").text()).isEqualTo("[]");
    }

    @Test
    void mapsTheErrorHierarchy() throws Exception {
        assertThat(http.get("/missing").status()).isEqualTo(404);
        assertThat(http.get("/missing").text()).isEqualTo("{\"message\":\"No such thing: x\"}");
        assertThat(http.get("/conflict").status()).isEqualTo(409);
        assertThat(http.get("/unavailable").status()).isEqualTo(503);
        RawHttp.Response noop = http.post("/noop", null);
        assertThat(noop.status()).isEqualTo(304);
        assertThat(noop.body()).isEmpty();
        RawHttp.Response bug = http.get("/bug");
        assertThat(bug.status()).isEqualTo(500);
        assertThat(bug.text()).isEqualTo("{\"message\":\"boom\"}");
    }

    @Test
    void parsesBodiesIgnoringUnknownFieldsAndCase() throws Exception {
        RawHttp.Response r = http.post("/echo", "{\"Name\":\"a\",\"Count\":2,\"Cmd\":\"ls\",\"Extra\":{\"x\":1}}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text()).contains("\"name\":\"a\"", "\"count\":2", "\"cmd\":[\"ls\"]");
    }

    @Test
    void malformedJsonWrongTypesAndBadQueriesAre400AndServerKeepsServing() throws Exception {
        RawHttp.Response malformed = http.post("/echo", "{\"Name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).startsWith("{\"message\":\"invalid JSON");
        RawHttp.Response wrongType = http.post("/echo", "{\"Count\":\"two\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text()).contains("count").doesNotContain("CoercionConfig");
        assertThat(http.post("/echo", "[1,2]").status()).isEqualTo(400);
        assertThat(http.get("/flag?on=maybe").status()).isEqualTo(400);
        assertThat(http.get("/flag?on=1").text()).isEqualTo("{\"on\":true}");
        assertThat(http.get("/flag?on=True").text()).isEqualTo("{\"on\":true}");
        assertThat(http.get("/things/ok/json").status()).isEqualTo(200);
    }

    @Test
    void hugeBodiesAre413AndServerKeepsServing() throws Exception {
        byte[] big = ("{\"Name\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = http.send("POST", "/echo", "application/json", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.text()).contains("larger than the limit");
        assertThat(http.get("/things/ok/json").status()).isEqualTo(200);
    }

    @Test
    void servesTcpOnLoopback() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1.44/things/t/json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"t\"");
    }

    @Test
    void aRequestForAnUnmountedRouterWaitsForItThenGetsServiceUnavailable() throws Exception {
        Router extra = () -> List.of(Route.get("/extra", ex -> ex.text(200, "hi")));
        server.routes().add(extra);
        assertThat(http.get("/extra").status()).isEqualTo(200);
        server.routes().remove(extra);

        RawHttp.Response away = http.get("/extra");

        assertThat(away.status()).isEqualTo(503);
        assertThat(away.text()).contains("being updated");
        assertThat(http.get("/never-mounted").status()).isEqualTo(404);
    }
}
