package io.berth.core.internal.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.core.internal.timing.Phases;
import io.berth.runtime.oci.OciCliProfile;

/**
 * Benchmark, not a test (root only; {@code mvn -o -B -pl bundles/core test -Pbench}, runs with
 * {@code -Dberth.bench.runs=N}): create + start + wait + remove of a {@code true} container through the engine
 * with the real OCI driver and overlay snapshots, for runc and crun, interleaved with the same bundle run by
 * the bare runtime CLI ({@code run}) and by conmon + CLI without Berth ("floor": conmon moved into a cgroup
 * as soon as it has daemonized, as the driver moves it), the latter also with a new
 * snapshot as root for every run ("floor, fresh rootfs": what any engine that gives each container its own
 * root filesystem pays). Prints a Markdown table of the engine's phases ({@link Phases}: median time per run
 * and occurrences per run; {@code driver:} phases split the driver's create by the files conmon writes, see
 * {@link CreateProbe}) and the overhead, and writes it to {@code target/bench/engine-overhead.md}.
 */
class EngineOverheadBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = Integer.getInteger("berth.bench.runs", 30);

    @TempDir
    Path tmp;

    private RealEngine real;

    @BeforeEach
    void open() {
        real = RealEngine.open(tmp);
    }

    @AfterEach
    void close() throws Exception {
        Phases.listen(null);
        if (real == null) {
            return;
        }
        for (String name : List.of("runc", "crun")) {
            for (String id : List.of("bench-" + name, "bench-conmon-" + name)) {
                new ProcessBuilder(name, "--root", RealEngine.RUN_ROOT.resolve("bare-" + name).toString(), "delete",
                        "-f", id).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                        .waitFor(60, TimeUnit.SECONDS);
            }
        }
        real.close();
    }

    @Test
    void engineVersusBareRuntime() throws Exception {
        StringBuilder report = new StringBuilder();
        for (String name : List.of("runc", "crun")) {
            report.append(measure(name)).append('\n');
        }
        String text = "Engine overhead (bundles/core EngineOverheadBenchmark), " + RUNS + " runs each, "
                + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs\n\n" + report;
        System.out.println(text);
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("engine-overhead.md");
        Files.writeString(out, text);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private String measure(String name) throws Exception {
        Path bundle = bareBundle(name);
        PhaseRecorder recorder = new PhaseRecorder();
        PhaseRecorder floor = new PhaseRecorder();
        PhaseRecorder freshFloor = new PhaseRecorder();
        Phases.listen(recorder);
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            if (i == WARMUP) {
                recorder.clear();
                floor.clear();
                freshFloor.clear();
                bare.clear();
            }
            engineRun(name, recorder);
            bare.add(timed(() -> bareRun(name, bundle)));
            conmonRun(name, bundle, floor);
            freshRootfs(name, bundle, i, () -> conmonRun(name, bundle, freshFloor));
        }
        Phases.listen(null);
        return table(name, recorder, median(bare), floor, freshFloor);
    }

    private void engineRun(String name, PhaseRecorder recorder) throws Exception {
        long t0 = System.nanoTime();
        String id = real.engine.create(ContainerSpec.builder(RealEngine.IMAGE).cmd("true").runtime(name).build(),
                null).id();
        long t1 = System.nanoTime();
        real.engine.start(id);
        long t2 = System.nanoTime();
        WaitResult result = real.engine.wait(id, WaitCondition.NOT_RUNNING).get(60, TimeUnit.SECONDS);
        long t3 = System.nanoTime();
        real.engine.remove(id, false, false);
        long t4 = System.nanoTime();
        if (result.exitCode() != 0) {
            throw new IllegalStateException("true exited with " + result.exitCode() + ": " + result.error());
        }
        recorder.add("API create", t1 - t0);
        recorder.add("API start", t2 - t1);
        recorder.add("API wait (start returned to waiter answered)", t3 - t2);
        recorder.add("API remove", t4 - t3);
        recorder.add("TOTAL create+start+wait+remove", t4 - t0);
        recorder.endRun();
    }

    private static String table(String name, PhaseRecorder recorder, double bare, PhaseRecorder floor,
            PhaseRecorder freshFloor) {
        StringBuilder text = new StringBuilder("### " + name + "\n\n| phase | median ms | per run |\n|---|---|---|\n");
        rows(text, "", recorder);
        rows(text, "floor: ", floor);
        rows(text, "floor, fresh rootfs: ", freshFloor);
        List<Double> totals = recorder.millis("TOTAL create+start+wait+remove");
        double conmon = median(floor.millis("TOTAL"));
        double engine = median(totals);
        text.append(String.format(Locale.ROOT, "%nBerth median %.1f ms (p90 %.1f), bare `%s run` %.1f ms, conmon + CLI "
                + "%.1f ms: overhead over bare %.1f ms, over conmon + CLI %.1f ms%n", engine,
                percentile(totals, 0.9), name, bare, conmon, engine - bare, engine - conmon));
        return text.toString();
    }

    private static void rows(StringBuilder text, String prefix, PhaseRecorder recorder) {
        for (String phase : recorder.phases()) {
            text.append(String.format(Locale.ROOT, "| %s%s | %.2f | %.0f |%n", prefix, phase,
                    median(recorder.millis(phase)), median(recorder.counts(phase))));
        }
    }

    /** The engine's bundle of an exited (kept) container, with a cgroup of its own below the bench parent. */
    private Path bareBundle(String name) throws Exception {
        String id = real.engine.create(ContainerSpec.builder(RealEngine.IMAGE).cmd("true").runtime(name).build(),
                null).id();
        real.engine.start(id);
        real.engine.wait(id, WaitCondition.NOT_RUNNING).get(60, TimeUnit.SECONDS);
        Path bundle = Files.createDirectories(tmp.resolve("bare-" + name));
        String config = Files.readString(real.containerDir(id).resolve("bundle").resolve("config.json"))
                .replaceAll("\"cgroupsPath\"\\s*:\\s*\"[^\"]*\"",
                        "\"cgroupsPath\" : \"" + RealEngine.CGROUP_PARENT + "/bare-" + name + "\"");
        Files.writeString(bundle.resolve("config.json"), config);
        return bundle;
    }

    /**
     * Runs {@code run} with the bundle's root on a new snapshot of the image, as the engine's containers have
     * (then the bundle's own again); the snapshot's preparation and removal are not timed.
     */
    private void freshRootfs(String name, Path bundle, int i, Run run) throws Exception {
        String key = "floor-" + name + "-" + i;
        Path config = bundle.resolve("config.json");
        String kept = Files.readString(config);
        Path rootfs = real.snapshots.prepare(key, real.imageId);
        try {
            String fresh = kept.replaceAll("(\"root\"\\s*:\\s*\\{\\s*\"path\"\\s*:\\s*)\"[^\"]*\"",
                    "$1\"" + rootfs + "\"");
            if (fresh.equals(kept)) {
                throw new IllegalStateException("no root path in " + config);
            }
            Files.writeString(config, fresh);
            run.once();
        } finally {
            Files.writeString(config, kept);
            real.snapshots.remove(key);
        }
    }

    private static void bareRun(String name, Path bundle) throws Exception {
        String root = RealEngine.RUN_ROOT.resolve("bare-" + name).toString();
        exec(name.equals("crun")
                ? List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                        "umount /sys/fs/cgroup/unified 2>/dev/null; exec crun \"$@\"", "crun",
                        "--root", root, "run", "--bundle", bundle.toString(), "bench-" + name)
                : List.of("runc", "--root", root, "run", "--bundle", bundle.toString(), "bench-" + name));
    }

    /**
     * The floor with a monitor: conmon runs the runtime's create (done when the pid file appears), then start,
     * the exit file, delete; each step is recorded as a phase.
     */
    private static void conmonRun(String name, Path bundle, PhaseRecorder floor) throws Exception {
        String id = "bench-conmon-" + name;
        String root = RealEngine.RUN_ROOT.resolve("bare-" + name).toString();
        Path exits = Files.createDirectories(bundle.resolve("exits"));
        Files.deleteIfExists(exits.resolve(id));
        Files.deleteIfExists(bundle.resolve("pidfile"));
        String runtime = name.equals("crun") ? RealEngine.RUN_ROOT.resolve("crun-wrapper.sh").toString()
                : OciCliProfile.standardLocations("runc").stream().filter(Files::isExecutable).findFirst()
                        .orElseThrow().toString();
        long t0 = System.nanoTime();
        exec(List.of("conmon", "--api-version", "1", "-c", id, "-u", id, "-n", id, "-r", runtime,
                "-b", bundle.toString(), "-p", bundle.resolve("pidfile").toString(),
                "-P", bundle.resolve("conmon.pid").toString(), "--full-attach", "--no-sync-log",
                "-l", "k8s-file:" + bundle.resolve("ctr.log"), "--exit-dir", exits.toString(),
                "--runtime-arg", "--root", "--runtime-arg", root));
        joinMonitorCgroup(bundle.resolve("conmon.pid"));
        // the launching conmon returns before the runtime's create ends; its pid file marks the end
        awaitFile(bundle.resolve("pidfile"));
        long t1 = System.nanoTime();
        exec(List.of(name, "--root", root, "start", id));
        long t2 = System.nanoTime();
        awaitFile(exits.resolve(id));
        long t3 = System.nanoTime();
        exec(List.of(name, "--root", root, "delete", id));
        long t4 = System.nanoTime();
        floor.add("conmon create", t1 - t0);
        floor.add("start", t2 - t1);
        floor.add("exit file", t3 - t2);
        floor.add("delete", t4 - t3);
        floor.add("TOTAL", t4 - t0);
        floor.endRun();
    }

    /**
     * Moves the monitor into a cgroup right after it daemonized, as the driver does (one hierarchy: its first
     * cgroup move is the one that waits for the kernel, the driver's others are quick).
     */
    private static void joinMonitorCgroup(Path conmonPidFile) throws IOException {
        Path cgroup = Files.createDirectories(Path.of("/sys/fs/cgroup/pids", RealEngine.CGROUP_PARENT, "conmon"));
        Files.writeString(cgroup.resolve("cgroup.procs"), Files.readString(conmonPidFile).trim());
    }

    private static void awaitFile(Path file) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + file + " within 60 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private interface Run {
        void once() throws Exception;
    }

    private static double timed(Run run) throws Exception {
        long start = System.nanoTime();
        run.once();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
