package io.berth.itests;

import static io.berth.itests.BlockTimer.median;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live-upgrade figures of the distribution as a process (root, runc): boot to the first successful
 * {@code /_ping}, the engine JVM's resident memory idle and with {@value #CONTAINERS} running containers, and the
 * longest API request while the runc bundle and then the engine bundle are updated in place with those containers
 * running (clients list and inspect in a loop meanwhile). Writes {@code target/bench/upgrade.md} and
 * {@code upgrade.properties}; asserts nothing.
 */
class UpgradeBenchmark {

    static final int CONTAINERS = Integer.getInteger("berth.bench.upgradeContainers", 50);
    private static final int BOOTS = 3;
    private static final int CLIENTS = 4;

    private static KarafProcess karaf;
    private static DockerCli docker;
    private static UnixHttp http;
    private static Path state;

    @BeforeAll
    static void unpack() throws Exception {
        String missing = RootRequirement.unmetOutsideCi();
        assumeTrue(missing == null, missing);
        assumeTrue(DockerCli.available(), "the docker CLI is missing");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), "upgrade-bench-" + run);
        state = Path.of("/tmp/berth-bench-" + run);
        karaf = KarafProcess.unpack(Path.of(System.getProperty("berth.dist")), dir, state, "runc");
        docker = new DockerCli(karaf.dockerSocket(), Files.createDirectories(state.resolve("docker-config")));
        http = new UnixHttp(karaf.dockerSocket());
        Files.write(state.resolve("busybox.tar"), BusyboxFixture.tarball());
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf == null) {
            return;
        }
        try {
            String ids = docker.run("ps", "-aq").out().trim();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(List.of(ids.split("\\s+")));
                docker.run(rm.toArray(new String[0]));
            }
        } finally {
            karaf.close();
        }
    }

    @Test
    void bootMemoryAndUpdatePauses() throws Exception {
        Properties figures = new Properties();
        StringBuilder report = new StringBuilder("Live upgrade benchmark, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + CONTAINERS + " runc containers\n\n");
        List<Double> boots = boots();
        report.append(String.format(Locale.ROOT, "| | value | target |%n|---|---|---|%n"
                + "| first boot after unpacking, to the first `/_ping` 200 | %.2f s | |%n"
                + "| boot of an installed distribution (median of %d) | %.2f s | ≤ 2 s |%n",
                boots.get(0), boots.size() - 1, median(boots.subList(1, boots.size()))));
        figures.setProperty("boot.first.s", format(boots.get(0)));
        figures.setProperty("boot.median.s", format(median(boots.subList(1, boots.size()))));
        docker.awaitDaemon(Duration.ofSeconds(120));
        docker.ok("import", state.resolve("busybox.tar").toString(), "busybox:latest");
        Thread.sleep(10_000);
        double idle = rssMiB(karaf.pid());
        List<String> ids = startContainers();
        Thread.sleep(5_000);
        double loaded = rssMiB(karaf.pid());
        double conmon = conmonRssMiB();
        double perContainer = (loaded - idle) / CONTAINERS;
        report.append(String.format(Locale.ROOT,
                "| engine JVM RSS, idle | %.1f MiB | ≤ 150 MiB |%n"
                + "| engine JVM RSS with %d running containers | %.1f MiB | |%n"
                + "| engine growth per running container (conmon not counted) | %.2f MiB | ≤ 2 MiB |%n"
                + "| conmon RSS per container (its own process, for reference) | %.2f MiB | |%n",
                idle, CONTAINERS, loaded, perContainer, conmon / CONTAINERS));
        figures.setProperty("rss.idle.mib", format(idle));
        figures.setProperty("rss.loaded.mib", format(loaded));
        figures.setProperty("rss.perContainer.mib", format(perContainer));
        Pause runtimeUpdate = pauseDuring("bundle:update berth-runtime-runc", ids.get(0));
        Pause engineUpdate = pauseDuring("bundle:update berth-core", ids.get(0));
        report.append(runtimeUpdate.row("runc runtime bundle")).append(engineUpdate.row("engine (berth-core) bundle"));
        figures.setProperty("pause.runtime.ms", format(runtimeUpdate.longestMillis()));
        figures.setProperty("pause.engine.ms", format(engineUpdate.longestMillis()));
        report.append(String.format(Locale.ROOT, "%nAfter both updates: %d of %d containers still running.%n",
                running(ids), ids.size()));
        write(report.toString(), figures);
    }

    /** Seconds from starting the JVM to the first 200 of {@code GET /_ping}: the first boot, then restarts. */
    private static List<Double> boots() throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < BOOTS; i++) {
            long begin = System.nanoTime();
            karaf.startWithoutWaiting();
            while (status("GET", "/_ping") != 200) {
                if (System.nanoTime() - begin > TimeUnit.SECONDS.toNanos(180)) {
                    throw new IOException("no /_ping within 180 s");
                }
                Thread.sleep(10);
            }
            seconds.add((System.nanoTime() - begin) / 1e9);
            if (i < BOOTS - 1) {
                karaf.stopGracefully();
            }
        }
        return seconds;
    }

    private static List<String> startContainers() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            ids.add(docker.ok("run", "-d", "--name", "bench-" + i, "busybox", "sleep", "3600").trim());
        }
        return ids;
    }

    /** The longest request of clients that list and inspect in a loop while {@code command} runs in the console. */
    private static Pause pauseDuring(String command, String inspected) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String path = c % 2 == 0 ? "/containers/json?all=1" : "/containers/" + inspected + "/json";
            clients.add(new Thread(() -> {
                while (running.get()) {
                    long begin = System.nanoTime();
                    if (status("GET", path) != 200) {
                        failures.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - begin);
                }
            }));
        }
        clients.forEach(Thread::start);
        Thread.sleep(1000);
        karaf.client(command);
        Thread.sleep(3000);
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Pause(sorted.get(sorted.size() - 1) / 1e6, sorted.get(sorted.size() / 2) / 1e6, sorted.size(),
                failures.get());
    }

    private record Pause(double longestMillis, double medianMillis, int requests, int failures) {
        String row(String what) {
            return String.format(Locale.ROOT, "| longest API request during an update of the %s (median %.1f ms, "
                    + "%d requests, %d not 200) | %.0f ms | ≤ 200 ms |%n", what, medianMillis, requests, failures,
                    longestMillis);
        }
    }

    private static long running(List<String> ids) throws Exception {
        String out = docker.ok("ps", "-q", "--no-trunc");
        return ids.stream().filter(out::contains).count();
    }

    private static int status(String method, String path) {
        try {
            return http.send(method, path, null, null).status();
        } catch (IOException e) {
            return -1;
        }
    }

    /** VmRSS of a process in MiB. */
    static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** The summed RSS of the conmon processes that monitor this instance's containers. */
    private static double conmonRssMiB() throws IOException {
        double sum = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.startsWith("conmon") || cmdline.contains("/conmon ")) {
                        if (cmdline.contains(state.toString())) {
                            sum += rssMiB(Long.parseLong(name));
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return sum;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void write(String text, Properties figures) throws IOException {
        System.out.println(text);
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it")).resolveSibling("bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("upgrade.md"), text);
        try (var out = Files.newBufferedWriter(dir.resolve("upgrade.properties"))) {
            figures.store(out, "live upgrade benchmark");
        }
        System.out.println("written to " + dir.resolve("upgrade.md"));
    }
}
