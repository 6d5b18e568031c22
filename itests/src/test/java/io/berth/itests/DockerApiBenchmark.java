package io.berth.itests;

import static io.berth.itests.BlockTimer.mean;
import static io.berth.itests.BlockTimer.median;
import static io.berth.itests.BlockTimer.percentile;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run with {@code make bench}): the distribution as a process (runc by default), driven
 * by the real docker CLI, side by side with the bare runtime on the same machine.
 * <ol>
 * <li>{@code docker -H unix://SOCKET run --rm busybox true} against {@code runc --root PRIVATE run} of an OCI
 * bundle with the same rootfs and config (the engine's own bundle of a finished container), in alternating
 * blocks after a warm-up, beside the same command with the mock runtime and against a {@link NoWorkDaemon};</li>
 * <li>{@code GET /containers/json?all=1} over the unix socket (a new connection per request, as a fresh CLI
 * makes) with {@value #LIST_SIZE} containers created with the mock runtime (created, not started: listing reads
 * the engine's records, never the runtime).</li>
 * </ol>
 * Prints a Markdown report and writes it to {@code target/bench/docker-api.md}; asserts nothing.
 */
class DockerApiBenchmark {

    private static final int LIST_SIZE = Integer.getInteger("berth.bench.containers", 1000);
    private static final int LIST_RUNS = Integer.getInteger("berth.bench.listRuns", 200);
    private static final int LIST_WARMUP = 50;
    private static final String BARE_ROOT = "/run/berth-bench/docker-api";
    private static final String BARE_ID = "bench-docker-api";
    private static final Pattern ID = Pattern.compile("\"Id\":\"([0-9a-f]{64})\"");

    private static final java.util.Properties FIGURES = new java.util.Properties();

    private static KarafProcess karaf;
    private static DockerCli docker;
    private static UnixHttp http;
    private static Path state;
    private static Path config;

    @BeforeAll
    static void startEngine() throws Exception {
        String missing = RootRequirement.unmetOutsideCi();
        assumeTrue(missing == null, missing);
        assumeTrue(DockerCli.available(), "the docker CLI is missing");
        Path dist = Path.of(System.getProperty("berth.dist"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), "docker-api-bench-" + run);
        state = Path.of("/tmp/berth-bench-" + run);
        karaf = KarafProcess.unpack(dist, dir, state, "runc");
        config = Files.createDirectories(state.resolve("docker-config"));
        docker = new DockerCli(karaf.dockerSocket(), config);
        http = new UnixHttp(karaf.dockerSocket());
        Files.write(state.resolve("busybox.tar"), BusyboxFixture.tarball());
        karaf.start();
        docker.awaitDaemon(Duration.ofSeconds(120));
        docker.ok("import", state.resolve("busybox.tar").toString(), "busybox:latest");
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (karaf == null) {
            return;
        }
        try {
            docker.run("rm", "-f", "bench-bundle");
        } finally {
            karaf.close();
        }
        if (!Files.readString(Path.of("/proc/self/mountinfo")).contains(state.toString())) {
            try (var paths = Files.walk(state)) {
                paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void dockerRunAndContainerList() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Docker API benchmark, ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(firstLine(List.of("docker", "--version"))).append(", ")
                .append(firstLine(List.of("runc", "--version"))).append("\n\n");
        runVersusBareRunc(report);
        containerList(report);
        String text = report.toString();
        System.out.println(text);
        Path out = Path.of(System.getProperty("berth.itest.dir", "target/it")).resolveSibling("bench")
                .resolve("docker-api.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        try (var writer = Files.newBufferedWriter(out.resolveSibling("docker-api.properties"))) {
            FIGURES.store(writer, "Docker API benchmark");
        }
        System.out.println("written to " + out);
    }

    /**
     * {@code docker run --rm busybox true} through Berth against {@code runc run} of the same bundle; beside them,
     * for where the time goes, the same command through Berth with the mock runtime (the CLI and the engine, no
     * runtime processes) and against a {@link NoWorkDaemon} (the CLI alone: its floor, which no daemon avoids).
     */
    private static void runVersusBareRunc(StringBuilder report) throws Exception {
        Path bundle = bareBundle();
        List<String> dockerRun = dockerRunTrue(karaf.dockerSocket());
        List<String> mockRun = dockerRunTrue(karaf.dockerSocket(), "--runtime", "mock");
        List<String> bareRun = List.of("runc", "--root", BARE_ROOT, "run", "--bundle", bundle.toString(), BARE_ID);
        Path noWorkSocket = state.resolve("no-work.sock");
        List<String> cliFloor = dockerRunTrue(noWorkSocket);
        List<String> cliOnly = List.of("docker", "--version");
        List<List<Double>> timings;
        try (NoWorkDaemon noWork = NoWorkDaemon.listen(noWorkSocket)) {
            timings = BlockTimer.time(List.of(() -> exec(dockerRun), () -> exec(bareRun), () -> exec(mockRun),
                    () -> exec(cliFloor), () -> exec(cliOnly)));
        }
        List<Double> berth = timings.get(0);
        List<Double> bare = timings.get(1);
        report.append("### `docker run --rm busybox true`, ").append(BlockTimer.RUNS)
                .append(" runs each (after ").append(BlockTimer.WARMUP).append(" warm-up rounds), in ")
                .append(BlockTimer.BLOCKS).append(" alternating blocks\n\n")
                .append("| what | mean | median | p90 |\n|---|---|---|---|\n")
                .append(row("`docker -H unix://… run --rm busybox true` (Berth, runc)", berth))
                .append(row("`runc --root … run` of the same bundle", bare))
                .append(row("`docker … run --rm --runtime mock busybox true` (Berth, no runtime processes)",
                        timings.get(2)))
                .append(row("`docker … run --rm busybox true` against a daemon that does no work (the CLI's floor)",
                        timings.get(3)))
                .append(row("`docker --version` (the CLI's own start, no daemon)", timings.get(4)))
                .append(String.format(Locale.ROOT, "%nBerth over bare runc: %.1f ms (median), %.1f ms (mean); "
                        + "the CLI's floor alone: %.1f ms (median)%n%n", median(berth) - median(bare),
                        mean(berth) - mean(bare), median(timings.get(3))));
        FIGURES.setProperty("run.berth.ms", String.format(Locale.ROOT, "%.2f", median(berth)));
        FIGURES.setProperty("run.bare.ms", String.format(Locale.ROOT, "%.2f", median(bare)));
        FIGURES.setProperty("run.mock.ms", String.format(Locale.ROOT, "%.2f", median(timings.get(2))));
        FIGURES.setProperty("run.cli-floor.ms", String.format(Locale.ROOT, "%.2f", median(timings.get(3))));
    }

    /**
     * The engine's bundle of a finished {@code true} container (same rootfs mount, same config), with its own
     * cgroup; the container stays until the end so that its rootfs stays mounted.
     */
    private static Path bareBundle() throws Exception {
        docker.ok("create", "--name", "bench-bundle", "busybox", "true");
        docker.ok("start", "-a", "bench-bundle");
        String id = docker.ok("inspect", "-f", "{{.Id}}", "bench-bundle").trim();
        Path source = state.resolve("containers").resolve(id).resolve("bundle").resolve("config.json");
        Path bundle = Files.createDirectories(state.resolve("bare-bundle"));
        String spec = Files.readString(source)
                .replaceAll("\"cgroupsPath\"\\s*:\\s*\"[^\"]*\"", "\"cgroupsPath\" : \"/berth-bench/docker-api\"");
        Files.writeString(bundle.resolve("config.json"), spec);
        return bundle;
    }

    /** {@code GET /containers/json?all=1} with few containers, then with {@link #LIST_SIZE}. */
    private static void containerList(StringBuilder report) throws Exception {
        List<Double> few = listLatencies();
        int fewCount = count(http.send("GET", "/containers/json?all=1", null, null).text());
        long createStart = System.nanoTime();
        createMockContainers(LIST_SIZE);
        double createSeconds = (System.nanoTime() - createStart) / 1e9;
        List<Double> many = listLatencies();
        FIGURES.setProperty("list.ms", String.format(Locale.ROOT, "%.2f", median(many)));
        UnixHttp.Response sample = http.send("GET", "/containers/json?all=1", null, null);
        report.append("### `GET /containers/json?all=1` over the unix socket, ").append(LIST_RUNS)
                .append(" requests each (after ").append(LIST_WARMUP)
                .append(" warm-up requests), one connection per request\n\n")
                .append("| containers | mean | median | p90 |\n|---|---|---|---|\n")
                .append(row(Integer.toString(fewCount), few))
                .append(row(Integer.toString(count(sample.text())), many))
                .append(String.format(Locale.ROOT, "%nResponse with %d containers: %d bytes. The %d containers "
                        + "were created (not started) with the mock runtime through `POST /containers/create` "
                        + "in %.1f s.%n", count(sample.text()), sample.body().length, LIST_SIZE, createSeconds));
    }

    private static List<Double> listLatencies() throws IOException {
        for (int i = 0; i < LIST_WARMUP; i++) {
            http.send("GET", "/containers/json?all=1", null, null);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < LIST_RUNS; i++) {
            long start = System.nanoTime();
            UnixHttp.Response r = http.send("GET", "/containers/json?all=1", null, null);
            millis.add((System.nanoTime() - start) / 1e6);
            if (r.status() != 200) {
                throw new IllegalStateException("list failed: " + r.status() + " " + r.text());
            }
        }
        return millis;
    }

    private static void createMockContainers(int count) throws Exception {
        byte[] body = ("{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"3600\"],\"Labels\":{\"bench\":\"list\"},"
                + "\"HostConfig\":{\"Runtime\":\"mock\"}}").getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                statuses.add(pool.submit(() -> http.send("POST", "/containers/create", "application/json", body)
                        .status()));
            }
            for (Future<Integer> status : statuses) {
                if (status.get() != 201) {
                    throw new IllegalStateException("create failed: " + status.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count(String json) {
        Matcher m = ID.matcher(json);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String row(String what, List<Double> millis) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", what, mean(millis),
                median(millis), percentile(millis, 0.9));
    }

    /** {@code docker -H unix://SOCKET run --rm [options] busybox true}. */
    private static List<String> dockerRunTrue(Path socket, String... options) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", "unix://" + socket, "run", "--rm"));
        command.addAll(List.of(options));
        command.addAll(List.of("busybox", "true"));
        return command;
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DOCKER_CONFIG", config.toString());
        pb.environment().remove("DOCKER_HOST");
        pb.environment().remove("DOCKER_CONTEXT");
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + p.exitValue());
        }
    }

    private static String firstLine(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().findFirst().orElse("").strip();
    }
}
