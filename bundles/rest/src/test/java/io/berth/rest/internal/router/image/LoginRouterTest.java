package io.berth.rest.internal.router.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.rest.internal.TestServers;
import io.berth.rest.internal.testing.FakeImages;
import io.berth.rest.internal.testing.RawHttp;
import io.berth.rest.internal.wire.Json;

/** {@code docker login}: the body's credentials go to the image service, its answer is Docker's. */
class LoginRouterTest {

    @TempDir
    Path dir;

    private final FakeImages images = new FakeImages();
    private TestServers.Running server;
    private RawHttp http;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dir, new LoginRouter(images));
        http = new RawHttp(server.socket());
    }

    @AfterEach
    void stop() {
        server.close();
    }

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
