package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Crash injection and faults with the distribution as a process, runc and conmon, as root (docs/faults.md).
 * Crashes: for every crash point of create, start, stop, exit recording and removal, the engine is armed at
 * that point ({@code system:property berth.crashAt <point>} and a restart of berth-core, which reads it at
 * activation), the operation is run through the docker CLI until the JVM halts, and the distribution is
 * started again: the operation must be done or undone, every record readable, nothing left of removed
 * containers (overlay mounts, conmon processes, cgroups, runtime state, exit files), and the container
 * manageable. Faults: a runtime binary that disappears, a runtime that fails mid-operation, a conmon killed by
 * hand — each a clear error at once, with the engine serving on. One unpacked distribution and one busybox image
 * serve every case.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    /** Ends at once on SIGTERM with 143 ({@code wait} returns on the signal; a foreground sleep would not). */
    private static final String LOOP = "trap 'exit 143' TERM; while true; do sleep 1 & wait $!; done";
    /** Generous: a hang (a stop waiting for its timeout, then 30 s for an exit) takes far longer. */
    private static final Duration NO_HANG = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KarafProcess karaf;
    private static DockerCli docker;
    private static UnixHttp http;
    private static Path state;
    private static String cgroupParent;

    private enum Operation { CREATE, START, STOP, REMOVE }

    /** What a restarted engine must show of the container: absent, or its status (and exit code). */
    private record Outcome(String status, int exitCode) {
        static final Outcome GONE = new Outcome(null, 0);
    }

    private record Crash(String point, Operation operation, Outcome outcome) {
    }

    /** Every crash point (CrashPoints.Point in berth-core), in the order the operations pass them. */
    private static final List<Crash> CRASHES = List.of(
            new Crash("record.before-rename", Operation.CREATE, Outcome.GONE),
            new Crash("create.after-record-write", Operation.CREATE, new Outcome("created", 0)),
            new Crash("start.after-snapshot-prepare", Operation.START, new Outcome("created", 0)),
            new Crash("start.after-bundle-write", Operation.START, new Outcome("created", 0)),
            new Crash("start.after-runtime-create", Operation.START, new Outcome("created", 0)),
            new Crash("start.after-runtime-start", Operation.START, new Outcome("running", 0)),
            new Crash("start.after-record-write", Operation.START, new Outcome("running", 0)),
            new Crash("stop.after-stop-mark", Operation.STOP, new Outcome("running", 0)),
            new Crash("stop.after-signal", Operation.STOP, new Outcome("exited", 143)),
            new Crash("exit.after-record-write", Operation.STOP, new Outcome("exited", 143)),
            new Crash("exit.after-runtime-delete", Operation.STOP, new Outcome("exited", 143)),
            new Crash("remove.after-kill", Operation.REMOVE, new Outcome("exited", 137)),
            new Crash("remove.after-removing-mark", Operation.REMOVE, Outcome.GONE),
            new Crash("remove.after-runtime-delete", Operation.REMOVE, Outcome.GONE),
            new Crash("remove.after-snapshot-remove", Operation.REMOVE, Outcome.GONE),
            new Crash("remove.after-dir-delete", Operation.REMOVE, Outcome.GONE));

    @BeforeAll
    static void unpack() throws Exception {
        String missing = RootRequirement.unmetOutsideCi();
        assumeTrue(missing == null, missing);
        if (!DockerCli.available()) {
            RootRequirement.failInCiOrSkip("the docker CLI is missing");
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), "faults-" + run);
        // short: conmon's socket paths must stay under the unix socket limit
        state = Path.of("/tmp/berth-it-" + run);
        cgroupParent = "/berth-it-faults-" + run;
        karaf = KarafProcess.unpack(Path.of(System.getProperty("berth.dist")), dir, state, "runc");
        karaf.configure("io.berth.core.cfg", "cgroupParent = " + cgroupParent, "stopTimeout = 10");
        docker = new DockerCli(karaf.dockerSocket(), Files.createDirectories(state.resolve("docker-config")));
        http = new UnixHttp(karaf.dockerSocket());
        Files.write(state.resolve("busybox.tar"), BusyboxFixture.tarball());
        start();
        docker.ok("import", state.resolve("busybox.tar").toString(), "busybox:latest");
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf == null) {
            return;
        }
        try {
            if (!karaf.isAlive()) {
                start(); // a failed crash cycle leaves the engine down: its containers still need removing
            }
            removeAll();
        } finally {
            karaf.close();
            for (Path cgroup : cgroupParents()) {
                Files.deleteIfExists(cgroup.resolve("conmon")); // the monitors' cgroup, empty once they ended
                Files.deleteIfExists(cgroup);
            }
            deleteUnlessMounted(state);
        }
    }

    /** Removes the state directory, unless something is still mounted below it (then it is left for a look). */
    private static void deleteUnlessMounted(Path dir) throws IOException {
        if (Files.readString(Path.of("/proc/self/mountinfo")).contains(dir.toString())) {
            System.err.println("leaving " + dir + ": something is still mounted below it");
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void engineRuns() throws Exception {
        if (!karaf.isAlive()) {
            start();
        }
    }

    @Test
    @Order(1)
    void aRuntimeBinaryThatDisappearsGivesClearErrorsUntilItIsBack() throws Exception {
        Path binary = Files.createDirectories(state.resolve("lostbin")).resolve("runc");
        copyRunc(binary);
        addRuntime("lostrunc", binary);
        docker.ok("run", "-d", "--runtime", "lostrunc", "--name", "lost", "busybox", "sh", "-c", LOOP);
        docker.ok("create", "--runtime", "lostrunc", "--name", "lost-created", "busybox", "sh", "-c", LOOP);
        docker.ok("logs", "lost");

        Files.delete(binary);
        String gone = "lostrunc binary not found";
        assertAnswer(send("POST", "/containers/lost/stop?t=30"), 503, gone);
        assertAnswer(send("POST", "/containers/lost/kill"), 503, gone);
        assertAnswer(send("DELETE", "/containers/lost?force=1"), 503, gone);
        assertAnswer(send("POST", "/containers/lost-created/start"), 503, gone);

        assertThat(status("lost")).isEqualTo("running");
        assertThat(status("lost-created")).as("not a failed start").isEqualTo("created");
        assertThat(docker.ok("ps", "-a")).contains("lost", "lost-created");
        docker.ok("logs", "lost");
        DockerCli.Result info = docker.run("info");
        assertThat(info.out() + info.err()).contains("runtime lostrunc is not ready");
        assertThat(docker.run("run", "--rm", "busybox", "true").exit()).as("other runtimes serve").isZero();

        copyRunc(binary);
        docker.ok("stop", "lost");
        assertThat(exitCode("lost")).isEqualTo(143);
        docker.ok("start", "lost-created");
        docker.ok("rm", "-f", "lost", "lost-created");
        assertNothingLeftBehind();
        removeRuntime("lostrunc");
    }

    @Test
    @Order(2)
    void aRuntimeThatFailsMidOperationGivesItsErrorAndLeavesContainersConsistent() throws Exception {
        Path markers = Files.createDirectories(state.resolve("flaky"));
        Path wrapper = markers.resolve("runc");
        Files.writeString(wrapper, "#!/bin/sh\n"
                + "for arg in \"$@\"; do\n"
                + "  case \"$arg\" in start|kill|delete)\n"
                + "    if [ -e '" + markers + "/fail-'\"$arg\" ]; then echo \"flaky: injected $arg failure\" >&2; "
                + "exit 1; fi;;\n"
                + "  esac\n"
                + "done\n"
                + "exec /usr/sbin/runc \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        addRuntime("flaky", wrapper);

        Files.createFile(markers.resolve("fail-start"));
        DockerCli.Result run = docker.run("run", "-d", "--runtime", "flaky", "--name", "flaky1", "busybox", "sh",
                "-c", LOOP);
        assertThat(run.exit()).as(run.toString()).isNotZero();
        assertThat(run.err()).contains("flaky: injected start failure");
        assertThat(status("flaky1")).isEqualTo("exited");
        assertThat(exitCode("flaky1")).isEqualTo(128);
        assertNothingLeftBehind();
        Files.delete(markers.resolve("fail-start"));
        docker.ok("start", "flaky1");

        Files.createFile(markers.resolve("fail-kill"));
        assertAnswer(send("POST", "/containers/flaky1/stop?t=30"), 500,
                "flaky: injected kill failure");
        assertThat(status("flaky1")).isEqualTo("running");
        Files.delete(markers.resolve("fail-kill"));

        Files.createFile(markers.resolve("fail-delete"));
        docker.ok("stop", "flaky1");
        assertThat(exitCode("flaky1")).isEqualTo(143);
        assertAnswer(send("DELETE", "/containers/flaky1"), 500, "flaky: injected delete failure");
        assertThat(status("flaky1")).as("a removal that could not delete removes nothing").isEqualTo("exited");
        Files.delete(markers.resolve("fail-delete"));
        docker.ok("rm", "flaky1");
        assertNothingLeftBehind();
        assertThat(docker.run("run", "--rm", "busybox", "true").exit()).isZero();
        removeRuntime("flaky");
    }

    @Test
    @Order(3)
    void aConmonKilledByHandLeavesTheContainerRunningUntilItIsStopped() throws Exception {
        String stopped = docker.ok("run", "-dt", "--name", "orphan", "busybox", "sh", "-c", LOOP).trim();
        String removed = docker.ok("run", "-d", "--name", "orphan-rm", "busybox", "sh", "-c", LOOP).trim();
        kill9(conmonPid(stopped));
        kill9(conmonPid(removed));

        assertThat(status("orphan")).as("the process runs on").isEqualTo("running");
        int pid = Integer.parseInt(docker.ok("inspect", "-f", "{{.State.Pid}}", "orphan").trim());
        assertThat(Files.exists(Path.of("/proc/" + pid))).isTrue();
        docker.ok("logs", "orphan");
        assertThat(docker.ok("exec", "orphan", "echo", "exec-has-its-own-conmon")).contains("exec-has-its-own-conmon");
        assertAnswer(send("POST", "/containers/orphan/resize?h=20&w=80"), 409,
                "has lost its monitor (conmon is gone)");

        timed("stop of a container without its conmon", () -> docker.ok("stop", "orphan"));
        assertThat(status("orphan")).isEqualTo("exited");
        assertThat(docker.ok("inspect", "-f", "{{.State.ExitCode}} {{.State.Error}}", "orphan").trim())
                .isEqualTo("255 exit code unknown: the container's monitor (conmon) was gone when it exited");
        timed("rm -f of a container without its conmon", () -> docker.ok("rm", "-f", "orphan-rm"));
        docker.ok("rm", "orphan");
        assertNothingLeftBehind();
        DockerCli.Result serving = docker.run("run", "--rm", "busybox", "true");
        assertThat(serving.exit()).as(serving.toString()).isZero();
    }

    @Test
    @Order(4)
    void aCrashAtAnyPointLeavesEveryOperationDoneOrUndone() throws Exception {
        long begin = System.nanoTime();
        for (int i = 0; i < CRASHES.size(); i++) {
            crash(CRASHES.get(i), "crash" + i);
        }
        System.out.printf("FaultInjectionIT: %d crash points in %d s%n", CRASHES.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
    }

    /** One crash: set up, arm, crash, start again, check, manage. */
    private void crash(Crash crash, String name) throws Exception {
        switch (crash.operation()) {
            case CREATE -> { }
            case START -> docker.ok("create", "--name", name, "busybox", "sh", "-c", LOOP);
            default -> docker.ok("run", "-d", "--name", name, "busybox", "sh", "-c", LOOP);
        }
        arm(crash.point());
        DockerCli.Result cut = switch (crash.operation()) {
            case CREATE -> docker.run("create", "--name", name, "busybox", "sh", "-c", LOOP);
            case START -> docker.run("start", name);
            case STOP -> docker.run("stop", "-t", "10", name);
            case REMOVE -> docker.run("rm", "-f", name);
        };
        int exit = karaf.awaitExit(Duration.ofSeconds(60));
        assertThat(exit).as("the JVM halted at " + crash.point() + "; the CLI got " + cut).isEqualTo(137);
        assertThat(karaf.consoleOutput()).contains("crash point " + crash.point() + " reached");
        // the request itself may have been answered first: a stop's waiters are before the exit's runtime delete

        start();
        String what = "after a crash at " + crash.point();
        if (crash.outcome() == Outcome.GONE) {
            // an interrupted removal may wait a moment for native mounts, which register after the engine
            awaitCondition(what + ": " + name + " gone",
                    () -> docker.ok("ps", "-a", "--format", "{{.Names}}").lines().noneMatch(name::equals));
        } else {
            // the runtime registers shortly after the engine: what it holds is reconciled then
            String expected = crash.outcome().status();
            String[] last = {""};
            try {
                awaitCondition(what + ": " + expected, () -> (last[0] = status(name)).equals(expected));
            } catch (AssertionError e) {
                assertThat(last[0]).as(what).isEqualTo(expected);
            }
            if (crash.outcome().status().equals("exited")) {
                assertThat(exitCode(name)).as(what).isEqualTo(crash.outcome().exitCode());
            }
        }
        assertNothingLeftBehind();
        manage(name, crash.outcome());
        assertNothingLeftBehind();
        assertThat(docker.ok("ps", "-aq")).as("every container removed " + what).isBlank();
    }

    /** The container (if there) can be started, stopped and removed; its name can be used again. */
    private static void manage(String name, Outcome outcome) throws Exception {
        if (outcome == Outcome.GONE) {
            docker.ok("create", "--name", name, "busybox", "true");
        } else {
            if (!outcome.status().equals("running")) {
                docker.ok("start", name);
            }
            docker.ok("stop", name);
            assertThat(exitCode(name)).isEqualTo(143);
        }
        docker.ok("rm", name);
    }

    /** Arms the engine at {@code point}: a JVM-wide property, read when berth-core activates. */
    private static void arm(String point) throws Exception {
        String out = karaf.client("system:property berth.crashAt " + point, "bundle:restart berth-core");
        awaitCondition("engine armed at " + point + " (" + out + ")",
                () -> karaf.log().contains("Crash injection armed (berth.crashAt=" + point + ")"));
        awaitCondition("engine back after its restart", () -> docker.run("ps").exit() == 0);
    }

    private static void start() throws Exception {
        karaf.startWithoutWaiting();
        docker.awaitDaemon(Duration.ofSeconds(120));
        awaitCondition("engine serving", () -> docker.run("ps").exit() == 0);
    }

    /**
     * Nothing is left of removed containers and nothing is half-written: each container directory holds one
     * readable record of a listed container; overlay mounts, runtime state, exit files belong to listed
     * containers; conmon processes and cgroups to running ones. Waits a little for cleanup that follows an exit.
     */
    private static void assertNothingLeftBehind() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<String> problems = leftovers();
            if (problems.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("left behind: " + problems);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static List<String> leftovers() throws Exception {
        Set<String> all = ids("ps", "-aq", "--no-trunc");
        Set<String> running = ids("ps", "-q", "--no-trunc");
        List<String> problems = new ArrayList<>();
        Path containers = state.resolve("containers");
        for (Path dir : list(containers)) {
            String id = dir.getFileName().toString();
            if (!all.contains(id)) {
                problems.add("directory of an unlisted container: " + dir);
                continue;
            }
            for (Path file : list(dir)) {
                if (file.getFileName().toString().startsWith(".")) {
                    problems.add("half-written file " + file);
                }
            }
            JsonNode record = JSON.readTree(dir.resolve("container.json").toFile());
            if (!id.equals(record.path("id").asText())) {
                problems.add("record of " + id + " holds " + record.path("id"));
            }
        }
        for (String id : all) {
            if (!Files.isRegularFile(containers.resolve(id).resolve("container.json"))) {
                problems.add("listed container without a record: " + id);
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String mountPoint = line.split(" ")[4];
            if (mountPoint.startsWith(state.toString()) && !containsAny(mountPoint, all)) {
                problems.add("mount of no container: " + mountPoint);
            }
        }
        notIn(conmonContainers(), running, "conmon of a container that does not run", problems);
        for (Path parent : cgroupParents()) {
            for (Path cgroup : list(parent)) {
                if (Files.isDirectory(cgroup) && ID.matcher(cgroup.getFileName().toString()).matches()
                        && !running.contains(cgroup.getFileName().toString())) {
                    problems.add("cgroup of a container that does not run: " + cgroup);
                }
            }
        }
        for (Path root : list(state.resolve("rt"))) {
            if (!root.getFileName().toString().equals("crun")) {
                notIn(runtimeHolds(root), running, "runtime state (" + root + ") of a container that does not run",
                        problems);
            }
        }
        for (Path exit : list(state.resolve("exits"))) {
            if (!running.contains(exit.getFileName().toString())) {
                problems.add("exit file of a container that does not run: " + exit);
            }
        }
        return problems;
    }

    private static void notIn(Set<String> found, Set<String> allowed, String what, List<String> problems) {
        found.stream().filter(id -> !allowed.contains(id)).forEach(id -> problems.add(what + ": " + id));
    }

    private static boolean containsAny(String path, Set<String> ids) {
        Matcher m = ID.matcher(path);
        while (m.find()) {
            if (ids.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** Ids ({@code -c}) of the conmon processes whose bundle ({@code -b}) lies in this engine's state. */
    private static Set<String> conmonContainers() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path proc : list(Path.of("/proc"))) {
            if (!proc.getFileName().toString().matches("\\d+")) {
                continue;
            }
            List<String> argv;
            try {
                argv = Arrays.asList(new String(Files.readAllBytes(proc.resolve("cmdline")),
                        StandardCharsets.UTF_8).split("\0"));
            } catch (IOException exited) {
                continue;
            }
            int bundle = argv.indexOf("-b");
            int id = argv.indexOf("-c");
            if (!argv.isEmpty() && argv.get(0).endsWith("conmon") && bundle > 0 && id > 0 && bundle + 1 < argv.size()
                    && id + 1 < argv.size() && argv.get(bundle + 1).startsWith(state.toString())) {
                ids.add(argv.get(id + 1));
            }
        }
        return ids;
    }

    /** The containers a runc state root holds. */
    private static Set<String> runtimeHolds(Path root) throws IOException, InterruptedException {
        Process list = new ProcessBuilder("/usr/sbin/runc", "--root", root.toString(), "list", "-q")
                .redirectErrorStream(true).start();
        String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        list.waitFor();
        Set<String> ids = new HashSet<>();
        out.lines().map(String::trim).filter(l -> ID.matcher(l).matches()).forEach(ids::add);
        return ids;
    }

    /** This test's cgroup parent in every hierarchy that has it. */
    private static List<Path> cgroupParents() throws IOException {
        List<Path> parents = new ArrayList<>();
        for (Path hierarchy : list(Path.of("/sys/fs/cgroup"))) {
            Path parent = hierarchy.resolve(cgroupParent.substring(1));
            if (Files.isDirectory(parent)) {
                parents.add(parent);
            }
        }
        return parents;
    }

    private static int conmonPid(String id) throws IOException {
        return Integer.parseInt(Files.readString(state.resolve("containers").resolve(id).resolve("bundle")
                .resolve("conmon.pid")).trim());
    }

    private static void kill9(int pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Integer.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        awaitCondition("conmon " + pid + " gone", () -> !Files.exists(Path.of("/proc/" + pid)));
    }

    /** Adds a runc-compatible runtime by a file in etc/ (docs/runtime-spi.md) and waits until it is listed. */
    private static void addRuntime(String name, Path binary) throws Exception {
        Files.writeString(karaf.home().resolve("etc/io.berth.runtime.oci-" + name + ".cfg"),
                "binary = " + binary + "\nstateRoot = " + state.resolve("rt").resolve(name) + "\n");
        awaitCondition("runtime " + name + " ready",
                () -> docker.run("run", "--rm", "--runtime", name, "busybox", "true").exit() == 0);
    }

    private static void removeRuntime(String name) throws IOException {
        Files.deleteIfExists(karaf.home().resolve("etc/io.berth.runtime.oci-" + name + ".cfg"));
    }

    private static void copyRunc(Path target) throws IOException {
        Files.copy(Path.of("/usr/sbin/runc"), target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A request to the Docker API that must not hang. */
    private static UnixHttp.Response send(String method, String path) throws Exception {
        Instant begin = Instant.now();
        UnixHttp.Response response = http.send(method, path, null, null);
        assertThat(Duration.between(begin, Instant.now())).as(method + " " + path + " must not hang")
                .isLessThan(NO_HANG);
        return response;
    }

    /** The API's answer has this status and a message containing {@code text}. */
    private static void assertAnswer(UnixHttp.Response response, int status, String text) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.text()).contains("\"message\"").contains(text).doesNotContain("Exception", "\tat ");
    }

    private static String status(String name) throws Exception {
        return docker.ok("inspect", "-f", "{{.State.Status}}", name).trim();
    }

    private static int exitCode(String name) throws Exception {
        return Integer.parseInt(docker.ok("inspect", "-f", "{{.State.ExitCode}}", name).trim());
    }

    private static Set<String> ids(String... args) throws Exception {
        Set<String> ids = new HashSet<>();
        docker.ok(args).lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(ids::add);
        return ids;
    }

    private static void removeAll() throws Exception {
        Set<String> ids = ids("ps", "-aq");
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(ids);
            docker.run(args.toArray(new String[0]));
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static void awaitCondition(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Runs {@code action}, failing when it takes as long as a hang would. */
    private static void timed(String what, Action action) throws Exception {
        Instant begin = Instant.now();
        action.run();
        assertThat(Duration.between(begin, Instant.now())).as(what + " must not hang").isLessThan(NO_HANG);
    }
}
