package io.berth.images.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.UnauthorizedException;
import io.berth.api.image.PullOptions;
import io.berth.api.image.PullResult;
import io.berth.api.image.RegistryAuth;
import io.berth.images.internal.testing.ImageArchives;
import io.berth.images.internal.testing.ImageArchives.TestImage;
import io.berth.images.internal.testing.LocalRegistry;
import io.berth.images.internal.testing.Skopeo;
import io.berth.images.internal.testing.TarBuilder;
import io.berth.images.internal.testing.TokenServer;
import io.berth.images.internal.testing.ToolRequirement;

/**
 * Pulls from registries that want credentials: htpasswd basic authentication, and bearer tokens from a token
 * service (the {@code WWW-Authenticate} flow of Docker Hub). Credentials come with the pull (as the API's
 * {@code X-Registry-Auth}) or from the credentials file.
 */
class RegistryAuthTest {

    private static final String USER = "berth";
    private static final String PASSWORD = "s3cret-pw";
    private static final TestImage IMAGE = ImageArchives.gzipImage("2026-01-02T03:04:05Z", List.of(),
            new TarBuilder().dir("etc").file("etc/private", "only with credentials\n").bytes());

    @TempDir
    static Path shared;
    private static LocalRegistry basic;
    private static TokenServer tokens;
    private static LocalRegistry bearer;

    @TempDir
    Path root;

    @BeforeAll
    static void startRegistries() throws Exception {
        ToolRequirement.assumeTools("docker-registry", "skopeo", "htpasswd", "openssl");
        Path layout = Skopeo.layoutDir(ImageArchives.ociLayout(IMAGE,
                Map.of("org.opencontainers.image.ref.name", "p"), false), shared.resolve("layout"));
        basic = LocalRegistry.withBasicAuth(shared.resolve("basic"), USER, PASSWORD);
        Skopeo.copy(layout, "p", basic.host() + "/team/private:1", false, null, USER + ":" + PASSWORD);
        tokens = new TokenServer(shared.resolve("tokens"), USER, PASSWORD);
        bearer = LocalRegistry.withTokens(shared.resolve("bearer"), tokens);
        Skopeo.copy(layout, "p", bearer.host() + "/team/private:1", false, null, USER + ":" + PASSWORD);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {basic, bearer, tokens}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @Test
    void basicAuthWithoutCredentialsIsUnauthorized() {
        PullFixture fx = new PullFixture(root, null, 3);

        assertThatThrownBy(() -> fx.service.pull(basic.host() + "/team/private:1", PullOptions.defaults(), null))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("no basic auth credentials");
        assertThat(fx.service.list(true)).isEmpty();
    }

    @Test
    void basicAuthWithAWrongPasswordIsUnauthorized() {
        PullFixture fx = new PullFixture(root, null, 3);
        List<String> before = fx.storeContent();

        assertThatThrownBy(() -> fx.service.pull(basic.host() + "/team/private:1", withAuth("wrong"), null))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("unauthorized");
        assertThat(fx.storeContent()).isEqualTo(before);
    }

    @Test
    void basicAuthWithTheCredentialsOfThePull() {
        PullFixture fx = new PullFixture(root, null, 3);

        PullResult result = fx.service.pull(basic.host() + "/team/private:1", withAuth(PASSWORD), null);

        assertThat(result.imageId()).isEqualTo(IMAGE.id());
    }

    @Test
    void basicAuthWithTheCredentialsFile() throws Exception {
        Path file = root.resolve("registry-auth.json");
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(file, "{\"auths\":{\"http://" + basic.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        PullFixture fx = new PullFixture(root, file, 3);

        PullResult result = fx.service.pull(basic.host() + "/team/private:1", PullOptions.defaults(), null);

        assertThat(result.imageId()).isEqualTo(IMAGE.id());
    }

    @Test
    void bearerTokensForTheCredentialsOfThePull() {
        PullFixture fx = new PullFixture(root, null, 3);
        int issued = tokens.tokensIssued();

        PullResult result = fx.service.pull(bearer.host() + "/team/private:1", withAuth(PASSWORD), null);

        assertThat(result.imageId()).isEqualTo(IMAGE.id());
        assertThat(tokens.tokensIssued()).isEqualTo(issued + 1);
    }

    @Test
    void anAnonymousTokenWithoutAccessIsUnauthorized() {
        PullFixture fx = new PullFixture(root, null, 3);

        assertThatThrownBy(() -> fx.service.pull(bearer.host() + "/team/private:1", PullOptions.defaults(), null))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining(bearer.host() + "/v2/team/private/manifests/1");
        assertThat(fx.service.list(true)).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedByTheTokenService() {
        PullFixture fx = new PullFixture(root, null, 3);

        assertThatThrownBy(() -> fx.service.pull(bearer.host() + "/team/private:1", withAuth("wrong"), null))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("incorrect username or password");
    }

    @Test
    void loginChecksBasicCredentialsWithTheRegistry() {
        PullFixture fx = new PullFixture(root, null, 3);

        fx.service.login(new RegistryAuth(USER, PASSWORD, null, null, basic.host()));
        fx.service.login(new RegistryAuth(USER, PASSWORD, null, null, "http://" + basic.host() + "/"));
        assertThatThrownBy(() -> fx.service.login(new RegistryAuth(USER, "wrong", null, null, basic.host())))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessage("Get \"http://" + basic.host() + "/v2/\": unauthorized: authentication required");
        assertThatThrownBy(() -> fx.service.login(new RegistryAuth(null, null, null, null, basic.host())))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("no credentials to log in with");
    }

    @Test
    void loginGetsATokenFromTheTokenService() {
        PullFixture fx = new PullFixture(root, null, 3);
        int issued = tokens.tokensIssued();

        fx.service.login(new RegistryAuth(USER, PASSWORD, null, null, bearer.host()));

        assertThat(tokens.tokensIssued()).isEqualTo(issued + 1);
        assertThatThrownBy(() -> fx.service.login(new RegistryAuth(USER, "wrong", null, null, bearer.host())))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("incorrect username or password");
        assertThat(fx.service.list(true)).isEmpty();
    }

    private static PullOptions withAuth(String password) {
        return new PullOptions(null, new RegistryAuth(USER, password, null, null, null));
    }
}
