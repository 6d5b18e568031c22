package io.berth.itests;

import static io.berth.itests.BlockTimer.median;
import static io.berth.itests.BlockTimer.percentile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.WaitCondition;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Benchmark, not a test (run with {@code make bench}): create + start + wait + remove of a {@code true}
 * container through {@code ContainerService}, against {@code runc run} / {@code crun run} of the same bundle
 * with the bare runtime CLI. Prints a Markdown table and writes it to {@code target/bench/runtime.md}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeOverheadBenchmark extends RealRuntimeTestBase {

    @Override
    protected String runtime() {
        return "runc";
    }

    @Test
    public void engineVersusBareRuntime() throws Exception {
        StringBuilder report = new StringBuilder("| runtime | bare CLI median | conmon + CLI median | "
                + "Berth median | Berth p90 | overhead over bare | over conmon + CLI | ratio to bare |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        java.util.Properties figures = new java.util.Properties();
        for (String name : List.of("runc", "crun")) {
            Path bundle = bareBundle(name);
            List<List<Double>> timings = BlockTimer.time(List.of(() -> engineRun(name),
                    () -> bareRun(name, bundle), () -> conmonRun(name, bundle)));
            List<Double> engine = timings.get(0);
            List<Double> bare = timings.get(1);
            List<Double> monitored = timings.get(2);
            double e = median(engine);
            double b = median(bare);
            double m = median(monitored);
            figures.setProperty(name + ".bare.ms", String.format(Locale.ROOT, "%.2f", b));
            figures.setProperty(name + ".conmon.ms", String.format(Locale.ROOT, "%.2f", m));
            figures.setProperty(name + ".berth.ms", String.format(Locale.ROOT, "%.2f", e));
            report.append(String.format(Locale.ROOT,
                    "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f |%n",
                    name, b, m, e, percentile(engine, 0.9), e - b, e - m, e / b));
        }
        String text = "Runtime overhead, " + BlockTimer.RUNS + " runs each, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs\n\n" + report;
        System.out.println(text);
        Path dir = Files.createDirectories(Path.of(System.getProperty("berth.bench.dir",
                System.getProperty("berth.itest.state"))));
        Files.writeString(dir.resolve("runtime.md"), text);
        try (var writer = Files.newBufferedWriter(dir.resolve("runtime.properties"))) {
            figures.store(writer, "runtime overhead benchmark");
        }
        System.out.println("written to " + dir.resolve("runtime.md"));
    }

    private void engineRun(String name) throws Exception {
        String id = containers.create(ContainerSpec.builder(IMAGE).cmd("true").runtime(name).build(), null).id();
        containers.start(id);
        containers.wait(id, WaitCondition.NOT_RUNNING).get(60, TimeUnit.SECONDS);
        containers.remove(id, false, false);
    }

    /** An OCI bundle of the same image and command, from the engine's own bundle of a finished container. */
    private Path bareBundle(String name) throws Exception {
        String id = containers.create(ContainerSpec.builder(IMAGE).cmd("true").runtime(name).build(), null).id();
        containers.start(id);
        containers.wait(id, WaitCondition.NOT_RUNNING).get(60, TimeUnit.SECONDS);
        Path source = Path.of(System.getProperty("berth.itest.state"), "containers", id, "bundle");
        Path bundle = Files.createTempDirectory("bare-" + name);
        String config = Files.readString(source.resolve("config.json"))
                .replaceAll("\"cgroupsPath\"\\s*:\\s*\"[^\"]*\"", "\"cgroupsPath\" : \"/berth-bench/" + name + "\"");
        Files.writeString(bundle.resolve("config.json"), config);
        return bundle;
    }

    private static void bareRun(String name, Path bundle) throws IOException, InterruptedException {
        String root = "/run/berth-bench/" + name;
        List<String> command = name.equals("crun")
                ? List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                        "umount /sys/fs/cgroup/unified 2>/dev/null; exec crun \"$@\"", "crun",
                        "--root", root, "run", "--bundle", bundle.toString(), "bench-" + name)
                : List.of("runc", "--root", root, "run", "--bundle", bundle.toString(), "bench-" + name);
        exec(command);
    }

    /**
     * The floor with a monitor: what any engine that keeps conmon pays. conmon runs the runtime's create
     * (through crun's wrapper for crun), then {@code start}, the exit file, {@code delete} — without Berth;
     * conmon moves into a cgroup as soon as it has daemonized, as Berth's driver moves it.
     */
    private static void conmonRun(String name, Path bundle) throws Exception {
        String id = "bench-conmon-" + name;
        String root = "/run/berth-bench/" + name;
        Path exits = Files.createDirectories(bundle.resolve("exits"));
        Files.deleteIfExists(exits.resolve(id));
        Path pidFile = bundle.resolve("pidfile");
        Files.deleteIfExists(pidFile);
        String binary = name.equals("crun") ? crunWrapper().toString() : "/usr/sbin/runc";
        exec(List.of("conmon", "--api-version", "1", "-c", id, "-u", id, "-n", id, "-r", binary,
                "-b", bundle.toString(), "-p", bundle.resolve("pidfile").toString(),
                "-P", bundle.resolve("conmon.pid").toString(), "--full-attach", "--no-sync-log",
                "-l", "k8s-file:" + bundle.resolve("ctr.log"), "--exit-dir", exits.toString(),
                "--runtime-arg", "--root", "--runtime-arg", root));
        // as the driver does, right after conmon daemonized (one hierarchy: the first cgroup move is the one
        // that waits for the kernel, the driver's others are quick)
        Path monitorCgroup = Files.createDirectories(Path.of("/sys/fs/cgroup/pids/berth-bench/conmon"));
        Files.writeString(monitorCgroup.resolve("cgroup.procs"), Files.readString(bundle.resolve("conmon.pid")).trim());
        // the launching conmon returns before the runtime's create is done; its pid file says when it is
        while (!Files.exists(pidFile)) {
            Thread.sleep(1);
        }
        String cli = name.equals("crun") ? "crun" : "runc";
        exec(List.of(cli, "--root", root, "start", id));
        while (!Files.exists(exits.resolve(id))) {
            Thread.sleep(1);
        }
        exec(List.of(cli, "--root", root, "delete", id));
    }

    private static Path crunWrapper() throws IOException {
        Path wrapper = Path.of("/run/berth-bench/crun-wrapper.sh");
        if (!Files.exists(wrapper)) {
            Files.createDirectories(wrapper.getParent());
            Files.writeString(wrapper, "#!/bin/sh\nexec unshare -m --propagation private sh -c "
                    + "'umount /sys/fs/cgroup/unified 2>/dev/null; exec crun \"$@\"' crun \"$@\"\n");
            wrapper.toFile().setExecutable(true);
        }
        return wrapper;
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed with " + p.exitValue());
        }
    }
}
