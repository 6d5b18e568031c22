package io.berth.rest.internal.router.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.rest.internal.TestServers;
import io.berth.rest.internal.testing.FakeImages;
import io.berth.rest.internal.testing.RawHttp;
import io.berth.rest.internal.wire.Json;

class ImageRouterTest {

    @TempDir
    Path dir;

    private final FakeImages images = new FakeImages();
    private TestServers.Running server;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dir, new ImageRouter(images));
        http = new RawHttp(server.socket());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode json(RawHttp.Response r) throws Exception {
        return Json.mapper().readTree(r.text());
    }

    private String importImage(String repo) throws Exception {
        RawHttp.Response r = http.send("POST", "/v1.44/images/create?fromSrc=-&repo=" + repo
                + "&changes=CMD+%5B%22sh%22%5D&changes=ENV+A%3D1&message=hello", "text/plain",
                "rootfs".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        return json(r).get("status").asText();
    }

    @Test
    void importTagsWithTheRepoAndPassesChanges() throws Exception {
        String id = importImage("myimp%3A1");
        assertThat(id).startsWith("sha256:");
        assertThat(images.lastImport.reference()).isEqualTo("myimp:1");
        assertThat(images.lastImport.changes()).containsExactly("CMD [\"sh\"]", "ENV A=1");
        assertThat(images.lastImport.message()).isEqualTo("hello");
        JsonNode list = json(http.get("/v1.44/images/json"));
        assertThat(list.get(0).get("RepoTags").get(0).asText()).isEqualTo("myimp:1");
        assertThat(list.get(0).has("VirtualSize")).isFalse();
        assertThat(json(http.get("/v1.43/images/json")).get(0).has("VirtualSize")).isTrue();
    }

    @Test
    void inspectTagHistoryAndRemove() throws Exception {
        importImage("busybox");
        JsonNode inspect = json(http.get("/images/busybox/json"));
        assertThat(inspect.get("RepoTags").get(0).asText()).isEqualTo("busybox:latest");
        assertThat(inspect.at("/RootFS/Type").asText()).isEqualTo("layers");
        assertThat(http.post("/images/busybox/tag?repo=docker.io%2Flibrary%2Fmybox&tag=v1", null).status())
                .isEqualTo(201);
        assertThat(json(http.get("/images/docker.io/library/mybox:v1/json")).get("RepoTags")).hasSize(2);
        assertThat(json(http.get("/images/mybox:v1/history")).get(0).get("CreatedBy").asText()).isEqualTo("import");
        JsonNode removed = json(http.send("DELETE", "/images/mybox:v1", null, null));
        assertThat(removed.get(0).get("Untagged").asText()).isEqualTo("busybox:latest");
        assertThat(removed.findValuesAsText("Deleted")).hasSize(1);
    }

    @Test
    void errorsAreClearJson() throws Exception {
        assertThat(http.get("/images/nosuch/json").text()).isEqualTo("{\"message\":\"No such image: nosuch\"}");
        assertThat(http.post("/images/create", null).text()).contains("fromImage or fromSrc is required");
        assertThat(http.post("/images/create?fromSrc=http%3A%2F%2Fx", null).status()).isEqualTo(501);
        assertThat(http.send("POST", "/images/create?fromSrc=-", "text/plain", "bad".getBytes()).status())
                .isEqualTo(400);
        assertThat(http.post("/images/busybox/tag", null).status()).isEqualTo(400);
        assertThat(http.post("/images/busybox/tag?repo=x", null).status()).isEqualTo(404);
        assertThat(http.get("/images/json?filters=%7B%22dangling%22%3A%5B%22maybe%22%5D%7D").status()).isEqualTo(400);
        assertThat(http.get("/images/get").status()).isEqualTo(400);
    }

    @Test
    void pullStreamsDockersProgressMessages() throws Exception {
        RawHttp.Response r = http.sendWithHeaders("POST", "/v1.44/images/create?fromImage=docker.io%2Flibrary%2F"
                + "alpine&tag=3.19&platform=linux%2Farm64", Map.of("X-Registry-Auth", "e30="), null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(images.lastPull).isEqualTo("docker.io/library/alpine:3.19");
        assertThat(images.lastPullOptions.platform()).isEqualTo("linux/arm64");
        assertThat(images.lastPullOptions.auth().isEmpty()).isTrue();
        assertThat(r.text().lines().toList()).containsExactly(
                "{\"status\":\"Pulling from docker.io/library/alpine:3.19\",\"progressDetail\":{},\"id\":\"1\"}",
                "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"abc\"}",
                "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":5,\"total\":10},\"id\":\"abc\"}",
                "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"abc\"}",
                "{\"status\":\"Digest: sha256:" + "ee".repeat(32) + "\"}",
                "{\"status\":\"Status: Downloaded newer image for docker.io/library/alpine:3.19\"}");
    }

    @Test
    void pullPassesRegistryCredentialsAndDigestTags() throws Exception {
        String auth = java.util.Base64.getUrlEncoder().encodeToString("{\"username\":\"u\",\"password\":\"p\","
                .concat("\"serveraddress\":\"r\"}").getBytes(StandardCharsets.UTF_8));
        String digest = "sha256:" + "ab".repeat(32);

        RawHttp.Response r = http.sendWithHeaders("POST", "/images/create?fromImage=secret%2Fapp%3Aold&tag=" + digest,
                Map.of("X-Registry-Auth", auth), null);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(images.lastPull).isEqualTo("secret/app@" + digest);
        assertThat(images.lastPullOptions.auth().username()).isEqualTo("u");
        assertThat(images.lastPullOptions.auth().password()).isEqualTo("p");
        assertThat(ImageRouter.pullReference("localhost:5000/app:1", "2")).isEqualTo("localhost:5000/app:2");
        assertThat(ImageRouter.pullReference("localhost:5000/app", "")).isEqualTo("localhost:5000/app");
    }

    @Test
    void pullFailuresBeforeProgressAreStatusesAndAfterItErrorDetails() throws Exception {
        RawHttp.Response early = http.post("/images/create?fromImage=fail%2Fearly&tag=1", null);
        assertThat(early.status()).isEqualTo(404);
        assertThat(json(early).get("message").asText())
                .isEqualTo("manifest for fail/early:1 not found: manifest unknown");

        RawHttp.Response unauthorized = http.post("/images/create?fromImage=secret%2Fapp&tag=1", null);
        assertThat(unauthorized.status()).isEqualTo(401);

        RawHttp.Response late = http.post("/images/create?fromImage=fail%2Flate&tag=1", null);
        assertThat(late.status()).isEqualTo(200);
        String last = late.text().lines().reduce((a, b) -> b).orElseThrow();
        String message = "Get \\\"http://r/v2/\\\": connection reset";
        assertThat(last).isEqualTo("{\"errorDetail\":{\"message\":\"" + message + "\"},\"error\":\"" + message + "\"}");

        RawHttp.Response badAuth = http.sendWithHeaders("POST", "/images/create?fromImage=x&tag=1",
                Map.of("X-Registry-Auth", "!!!"), null);
        assertThat(badAuth.status()).isEqualTo(400);
    }

    @Test
    void loadSaveAndPrune() throws Exception {
        RawHttp.Response load = http.send("POST", "/images/load?quiet=1", "application/x-tar", "tar".getBytes());
        assertThat(json(load).get("stream").asText()).isEqualTo("Loaded image: loaded:1\n");
        RawHttp.Response save = http.get("/images/get?names=loaded:1");
        assertThat(save.header("Content-Type")).isEqualTo("application/x-tar");
        assertThat(save.text()).startsWith("tar of sha256:");
        assertThat(json(http.post("/images/prune", null)).get("SpaceReclaimed").asLong()).isZero();
        assertThat(json(http.get("/images/json?filters=%7B%22reference%22%3A%5B%22load*%22%5D%7D"))).hasSize(1);
        assertThat(json(http.get("/images/json?filters=%7B%22dangling%22%3A%5B%22true%22%5D%7D"))).isEmpty();
    }

    // docker login: the body's credentials go to the image service, its answer is Docker's

    @Test
    void acceptedCredentialsAnswerLoginSucceeded() throws Exception {
        RawHttp.Response r = http.post("/v1.44/auth",
                "{\"username\":\"u\",\"password\":\"p\",\"serveraddress\":\"registry.lan:5000\",\"email\":\"\"}");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.text()).isEqualTo("{\"Status\":\"Login Succeeded\",\"IdentityToken\":\"\"}");
        assertThat(images.lastLogin.username()).isEqualTo("u");
        assertThat(images.lastLogin.password()).isEqualTo("p");
        assertThat(images.lastLogin.serverAddress()).isEqualTo("registry.lan:5000");
    }

    @Test
    void theAuthFieldStandsForUserAndPassword() throws Exception {
        String auth = Base64.getEncoder().encodeToString("me:pa:ss".getBytes(StandardCharsets.UTF_8));

        assertThat(http.post("/auth", "{\"auth\":\"" + auth + "\",\"serveraddress\":\"r\"}").status()).isEqualTo(200);

        assertThat(images.lastLogin.username()).isEqualTo("me");
        assertThat(images.lastLogin.password()).isEqualTo("pa:ss");
    }

    @Test
    void refusedCredentialsAre401WithTheRegistrysReason() throws Exception {
        RawHttp.Response r = http.post("/auth", "{\"username\":\"u\",\"password\":\"wrong\",\"serveraddress\":\"r\"}");

        assertThat(r.status()).isEqualTo(401);
        assertThat(Json.mapper().readTree(r.text()).get("message").asText())
                .isEqualTo("Get \"http://r/v2/\": unauthorized: authentication required");
    }

    @Test
    void aMissingOrMalformedBodyIs400() throws Exception {
        assertThat(http.post("/auth", null).status()).isEqualTo(400);
        assertThat(http.post("/auth", "{\"username\":").status()).isEqualTo(400);
        assertThat(http.post("/auth", "{\"auth\":\"not base64!\"}").status()).isEqualTo(400);
        assertThat(images.lastLogin).isNull();
    }
}
