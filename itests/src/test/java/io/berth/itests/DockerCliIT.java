package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built distribution as a process (root, runc and crun), driven by the real docker CLI over Berth's unix
 * socket: the commands of issue 5, each checked for its output and exit code.
 */
class DockerCliIT {

    private static DockerEngine engine;
    private static KarafProcess karaf;
    private static DockerCli docker;
    private static Path state;

    @BeforeAll
    static void startEngine() throws Exception {
        String missing = RootRequirement.unmetOutsideCi();
        assumeTrue(missing == null, missing);
        if (!DockerCli.available()) {
            RootRequirement.failInCiOrSkip("the docker CLI is missing");
        }
        engine = DockerEngine.start("docker-cli", "busybox:latest");
        karaf = engine.karaf;
        docker = engine.docker;
        state = engine.state;
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @AfterEach
    void removeContainers() throws Exception {
        if (docker == null) {
            return;
        }
        String ids = docker.ok("ps", "-aq").trim();
        if (!ids.isEmpty()) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("rm", "-f"));
            args.addAll(java.util.List.of(ids.split("\\s+")));
            docker.run(args.toArray(new String[0]));
        }
    }

    @Test
    void versionAndInfo() throws Exception {
        assertThat(docker.ok("version")).contains("API version:", "1.44", "Engine:");
        String info = docker.ok("info");
        assertThat(info).contains("Runtimes:", "runc", "crun", "Default Runtime: runc");
    }

    @Test
    void imagesTagAndRmi() throws Exception {
        assertThat(docker.ok("images")).contains("busybox", "latest");
        docker.ok("tag", "busybox:latest", "mybox:v1");
        assertThat(docker.ok("images")).contains("mybox", "v1");
        assertThat(docker.ok("rmi", "mybox:v1")).contains("Untagged: mybox:v1");
        assertThat(docker.ok("images")).doesNotContain("mybox");
    }

    @Test
    void saveAndLoad() throws Exception {
        docker.ok("tag", "busybox:latest", "saved:v2");
        Path archive = state.resolve("saved.tar");
        docker.ok("save", "-o", archive.toString(), "saved:v2");
        assertThat(Files.size(archive)).isPositive();
        docker.ok("rmi", "saved:v2");
        assertThat(docker.ok("load", "-i", archive.toString())).contains("Loaded image: saved:v2");
        assertThat(docker.ok("images")).contains("saved");
        docker.ok("rmi", "saved:v2");
    }

    @Test
    void runPrintsOutputAndExitCode() throws Exception {
        DockerCli.Result hi = docker.run("run", "--rm", "busybox", "echo", "hi");
        assertThat(hi.exit()).as(hi.toString()).isZero();
        assertThat(hi.out()).isEqualTo("hi\n");
        DockerCli.Result three = docker.run("run", "--rm", "busybox", "sh", "-c", "echo err >&2; exit 3");
        assertThat(three.exit()).as(three.toString()).isEqualTo(3);
        assertThat(three.err()).contains("err");
        assertThat(docker.ok("ps", "-aq")).isBlank();
    }

    @Test
    void runInteractiveWithATerminal() throws Exception {
        DockerCli.Result r = docker.runInTerminal("(sleep 2; printf 'echo typed-$((40+2))\\n'; sleep 1; "
                + "printf 'exit 7\\n'; sleep 1)", "run -it --rm busybox sh");
        assertThat(r.out()).as(r.toString()).contains("typed-42");
        assertThat(r.exit()).as(r.toString()).isEqualTo(7);
    }

    /** The CLI sends its terminal's size (set to 33x77 here) for {@code run -it} and {@code exec -it}. */
    @Test
    void terminalSizeFollowsTheClient() throws Exception {
        Path dir = Files.createDirectories(state.resolve("resize"));
        Files.writeString(dir.resolve("size.sh"), "i=0\n"
                + "while [ \"$(stty size 2>/dev/null)\" != '33 77' ] && [ $i -lt 100 ]; do\n"
                + "  sleep 0.1; i=$((i+1))\n"
                + "done\n"
                + "stty size\n");
        String mount = dir + ":/t:ro";
        docker.ok("run", "-d", "--name", "rz", "-v", mount, "busybox", "sleep", "300");
        Path run = Files.writeString(dir.resolve("run.sh"), "stty rows 33 cols 77\n"
                + "docker run -it --rm -v " + mount + " busybox sh /t/size.sh\n"
                + "docker exec -it rz sh /t/size.sh\n");
        DockerCli.Result r = docker.runScriptInTerminal(run);
        // busybox's stty complains while the size is still 0x0; the lines may carry terminal control bytes
        assertThat(r.out().replace("\r", "").lines().filter(line -> line.endsWith("33 77")).count())
                .as(r.toString()).isEqualTo(2);
    }

    @Test
    void missingExecutableExits127() throws Exception {
        DockerCli.Result r = docker.run("run", "--rm", "busybox", "/nosuchcmd");
        assertThat(r.exit()).as(r.toString()).isEqualTo(127);
        assertThat(docker.ok("ps", "-aq")).isBlank();
    }

    @Test
    void runWithCrun() throws Exception {
        DockerCli.Result r = docker.run("run", "--rm", "--runtime", "crun", "busybox", "echo", "from-crun");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("from-crun\n");
    }

    @Test
    void detachedRunPsLogsStopRm() throws Exception {
        String id = docker.ok("run", "-d", "--name", "d1", "busybox", "sh", "-c",
                "echo one; echo two; trap 'exit 0' TERM; while true; do sleep 1; done").trim();
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(docker.ok("ps")).contains("d1", "Up");
        awaitLogs("d1", "two");
        assertThat(docker.ok("logs", "--tail", "1", "d1")).isEqualTo("two\n");
        assertThat(docker.ok("logs", "-t", "d1"))
                .matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z one\n.*");
        assertThat(docker.ok("stop", "-t", "5", "d1")).contains("d1");
        assertThat(docker.ok("stop", "d1")).contains("d1");
        assertThat(docker.ok("ps", "-a", "--filter", "name=d1")).contains("Exited");
        assertThat(docker.ok("rm", "d1")).contains("d1");
        assertThat(docker.ok("ps", "-a")).doesNotContain("d1");
    }

    @Test
    void logsFollowEndsWithTheContainer() throws Exception {
        docker.ok("run", "-d", "--name", "f1", "busybox", "sh", "-c", "for i in 1 2 3; do echo tick$i; sleep 1; done");
        assertThat(docker.ok("logs", "-f", "f1")).isEqualTo("tick1\ntick2\ntick3\n");
    }

    @Test
    void eventsReplayWithSinceAndUntil() throws Exception {
        long since = System.currentTimeMillis() / 1000 - 1;
        docker.ok("run", "--rm", "--name", "ev1", "busybox", "true");
        String events = docker.ok("events", "--since", Long.toString(since), "--until",
                Long.toString(System.currentTimeMillis() / 1000 + 1), "--filter", "container=ev1");
        assertThat(events).contains("container create", "container start", "container die", "name=ev1");
    }

    @Test
    void execInspectWaitKillRename() throws Exception {
        docker.ok("run", "-d", "--name", "e1", "busybox", "sh", "-c", "while true; do sleep 1; done");
        DockerCli.Result exec = docker.run("exec", "e1", "sh", "-c", "echo inexec; exit 5");
        assertThat(exec.exit()).as(exec.toString()).isEqualTo(5);
        assertThat(exec.out()).isEqualTo("inexec\n");
        assertThat(docker.runWithInput("hello-stdin\n", "exec", "-i", "e1", "cat").out()).isEqualTo("hello-stdin\n");
        assertThat(docker.ok("inspect", "-f", "{{.State.Status}} {{.Name}} {{.Config.Image}}", "e1"))
                .isEqualTo("running /e1 busybox\n");
        docker.ok("rename", "e1", "e2");
        assertThat(docker.ok("kill", "e2")).contains("e2");
        assertThat(docker.ok("wait", "e2").trim()).isEqualTo("137");
        docker.ok("run", "-d", "--name", "w1", "busybox", "sh", "-c", "sleep 1; exit 4");
        assertThat(docker.ok("wait", "w1").trim()).isEqualTo("4");
    }

    @Test
    void pauseTopStats() throws Exception {
        docker.ok("run", "-d", "--name", "p1", "busybox", "sh", "-c", "while true; do sleep 1; done");
        assertThat(docker.ok("top", "p1")).contains("PID", "sleep");
        docker.ok("pause", "p1");
        assertThat(docker.ok("inspect", "-f", "{{.State.Paused}}", "p1").trim()).isEqualTo("true");
        assertThat(docker.ok("ps")).contains("(Paused)");
        docker.ok("unpause", "p1");
        assertThat(docker.ok("inspect", "-f", "{{.State.Status}}", "p1").trim()).isEqualTo("running");
        assertThat(docker.ok("stats", "--no-stream", "p1")).contains("p1", "CPU %", "MEM USAGE");
        assertThat(docker.ok("stats", "--no-stream")).contains("p1");
    }

    @Test
    void missingThingsGiveClearErrors() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String missing = "127.0.0.1:" + closedPort + "/nosuchimage:1";
        DockerCli.Result run = docker.run("run", "--rm", missing, "true");
        assertThat(run.exit()).isEqualTo(125);
        assertThat(run.err()).contains("Unable to find image '" + missing + "' locally",
                "127.0.0.1:" + closedPort + "/v2/", "connection refused");
        DockerCli.Result inspect = docker.run("inspect", "nosuchthing");
        assertThat(inspect.exit()).isEqualTo(1);
        assertThat(inspect.err()).contains("No such object: nosuchthing");
        DockerCli.Result stop = docker.run("stop", "nosuchcontainer");
        assertThat(stop.exit()).isNotZero();
        assertThat(stop.err()).contains("No such container");
        DockerCli.Result volumes = docker.run("volume", "ls");
        assertThat(volumes.exit()).isEqualTo(1);
        assertThat(volumes.err()).contains("the volumes API (docker volume) is not supported yet");
        DockerCli.Result networks = docker.run("network", "ls");
        assertThat(networks.exit()).isEqualTo(1);
        assertThat(networks.err()).contains("networks (docker network) are not supported yet");
    }

    private static void awaitLogs(String name, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!docker.ok("logs", name).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in the logs of " + name);
            }
            Thread.sleep(100);
        }
    }
}
