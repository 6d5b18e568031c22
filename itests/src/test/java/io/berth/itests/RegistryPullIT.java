package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pulls from real registries on the loopback, end to end: the distribution as a process (runc), the docker CLI
 * ({@code docker pull}, {@code docker run} of a missing image, credentials from the CLI's config.json sent as
 * {@code X-Registry-Auth}) and the console's {@code berth:pull}. The registries are filled by skopeo from an
 * archive Berth itself saved.
 */
class RegistryPullIT {

    private static final String USER = "puller";
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    private static DockerEngine engine;
    private static KarafProcess karaf;
    private static DockerCli docker;
    private static LoopbackRegistry open;
    private static LoopbackRegistry basic;
    private static Path state;

    @BeforeAll
    static void start() throws Exception {
        String missing = RootRequirement.unmetOutsideCi();
        assumeTrue(missing == null, missing);
        if (!DockerCli.available() || !LoopbackRegistry.available()) {
            RootRequirement.failInCiOrSkip("the docker CLI, docker-registry, skopeo or htpasswd is missing");
        }
        engine = DockerEngine.start("registry-pull", "seed:1");
        karaf = engine.karaf;
        docker = engine.docker;
        state = engine.state;
        Path saved = state.resolve("seed.tar");
        docker.ok("save", "-o", saved.toString(), "seed:1");
        docker.ok("rmi", "seed:1");
        open = LoopbackRegistry.open(state.resolve("registry-open"));
        for (String tag : new String[] {"pull", "run", "console"}) {
            open.push(saved, "berth/busybox:" + tag, null);
        }
        basic = LoopbackRegistry.withBasicAuth(state.resolve("registry-basic"), USER, PASSWORD);
        basic.push(saved, "team/busybox:1", USER + ":" + PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        for (LoopbackRegistry registry : new LoopbackRegistry[] {open, basic}) {
            if (registry != null) {
                registry.close();
            }
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void dockerPullShowsProgressRecordsTheDigestAndTheImageRuns() throws Exception {
        String ref = open.host() + "/berth/busybox:pull";

        DockerCli.Result pull = docker.run("pull", ref);

        assertThat(pull.exit()).as(pull.toString()).isZero();
        assertThat(pull.out()).contains("pull: Pulling from berth/busybox", "Pull complete", "Digest: sha256:",
                "Status: Downloaded newer image for " + ref);
        assertThat(docker.ok("image", "inspect", "-f", "{{index .RepoDigests 0}}", ref))
                .startsWith(open.host() + "/berth/busybox@sha256:");
        assertThat(docker.ok("run", "--rm", ref, "echo", "pulled")).isEqualTo("pulled\n");
        assertThat(docker.run("pull", ref).out()).contains("Status: Image is up to date for " + ref);
    }

    @Test
    void runOfAMissingImagePullsItFirst() throws Exception {
        DockerCli.Result run = docker.run("run", "--rm", open.host() + "/berth/busybox:run", "echo", "hi");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("Unable to find image '" + open.host() + "/berth/busybox:run' locally");
        assertThat(run.out()).endsWith("hi\n");
    }

    @Test
    void anUnknownImageIsAClearError() throws Exception {
        DockerCli.Result pull = docker.run("pull", open.host() + "/berth/busybox:nope");

        assertThat(pull.exit()).isEqualTo(1);
        assertThat(pull.err()).contains("manifest for " + open.host() + "/berth/busybox:nope not found");
    }

    @Test
    void aPrivateRegistryNeedsTheCredentialsTheCliSends() throws Exception {
        String ref = basic.host() + "/team/busybox:1";
        DockerCli.Result anonymous = docker.run("pull", ref);
        assertThat(anonymous.exit()).isEqualTo(1);
        assertThat(anonymous.err()).contains("no basic auth credentials");

        DockerCli user = new DockerCli(karaf.dockerSocket(), Files.createDirectories(state.resolve("docker-login")));
        DockerCli.Result refused = user.run("login", "-u", USER, "-p", "wrong", basic.host());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("Get \"http://" + basic.host() + "/v2/\": unauthorized");
        DockerCli.Result login = user.run("login", "-u", USER, "-p", PASSWORD, basic.host());
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.out()).contains("Login Succeeded");
        DockerCli.Result loggedIn = user.run("pull", ref);

        assertThat(loggedIn.exit()).as(loggedIn.toString()).isZero();
        assertThat(loggedIn.out()).contains("Status: Downloaded newer image for " + ref);
    }

    @Test
    void theConsolePullsWithAProgressDisplay() throws Exception {
        String ref = open.host() + "/berth/busybox:console";
        String ids = docker.ok("images", "-q").trim();
        if (!ids.isEmpty()) {
            java.util.List<String> rmi = new java.util.ArrayList<>(java.util.List.of("rmi", "-f"));
            rmi.addAll(java.util.List.of(ids.split("\\s+")));
            docker.ok(rmi.toArray(new String[0]));
        }

        String out = karaf.client("berth:pull " + ref, "berth:images");

        assertThat(out).contains("console: Pulling from berth/busybox", ": Pull complete",
                "Status: Downloaded newer image for " + ref, ref);
        assertThat(out.lines().filter(l -> l.startsWith(open.host() + "/berth/busybox") && l.contains("console")))
                .isNotEmpty();
    }
}
