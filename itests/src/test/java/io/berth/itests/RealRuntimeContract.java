package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStats;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogStream;
import io.berth.api.container.Mount;
import io.berth.api.container.Resources;
import io.berth.api.container.SecurityOptions;
import io.berth.api.container.TopResult;
import org.junit.Test;

/**
 * What every real runtime must do through the engine: run, exit codes, stop and kill, errors, the container
 * spec seen from inside, limits, exec, pause, stats and top. Subclasses pick the runtime.
 */
public abstract class RealRuntimeContract extends RealRuntimeTestBase {

    @Inject
    private ExecService execs;

    @Test
    public void echoIsLogged() throws Exception {
        String id = run("echo", "hi");
        assertEquals(0, exitCode(id));
        assertEquals(List.of("hi"), log(id));
    }

    @Test
    public void exitCodesFollowDocker() throws Exception {
        assertEquals(3, exitCode(run("sh", "-c", "exit 3")));

        // A program that ends on SIGTERM, as servers do (pid 1 has no default action for it).
        String stopped = run("sh", "-c", "trap 'exit 143' TERM; while true; do sleep 1; done");
        containers.stop(stopped, 10, null);
        assertEquals(143, containers.inspect(stopped).state().exitCode());

        String killed = run("sleep", "300");
        containers.kill(killed, "SIGKILL");
        assertEquals(137, exitCode(killed));
    }

    @Test
    public void aMissingExecutableIs127() {
        String id = containers.create(ContainerSpec.builder(IMAGE).cmd("nosuchcmd").runtime(runtime()).build(),
                null).id();
        Exception e = assertThrows(Exception.class, () -> containers.start(id));
        assertTrue(e.getMessage(), e.getMessage().contains("executable file not found"));
        assertEquals(127, containers.inspect(id).state().exitCode());
    }

    @Test
    public void specIsVisibleInside() throws Exception {
        Path shared = Files.createTempDirectory("berth-bind");
        Files.writeString(shared.resolve("note"), "from-host\n");
        // readable by the container's user (nobody), as a user's shared directory would be
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(shared.resolve("note"), PosixFilePermissions.fromString("rw-r--r--"));
        List<String> out = output(shell("echo env=$GREETING; pwd; id -u; hostname; cat /data/note; "
                + "touch /probe 2>/dev/null && echo writable || echo read-only")
                .env(List.of("GREETING=hello"))
                .workingDir("/tmp")
                .user("nobody")
                .hostname("berth-box")
                .mounts(List.of(new Mount(Mount.Type.BIND, shared.toString(), "/data", true)))
                .security(new SecurityOptions(true, false, false, null, null)));
        assertEquals(List.of("env=hello", "/tmp", "65534", "berth-box", "from-host", "read-only"), out);
    }

    @Test
    public void memoryLimitIsInTheContainersCgroup() throws Exception {
        List<String> out = output(shell("cat /sys/fs/cgroup/memory/memory.limit_in_bytes")
                .resources(new Resources(64L * 1024 * 1024, 0, 0, 0, 0, 0)));
        assertEquals(List.of(Long.toString(64L * 1024 * 1024)), out);
    }

    @Test
    public void execReturnsOutputAndExitCode() throws Exception {
        String id = run("sleep", "300");
        String exec = execs.create(id, ExecSpec.of("sh", "-c", "echo inside; exit 5"));
        execs.start(exec);
        assertEquals(Integer.valueOf(5), execs.waitFor(exec).get(60, TimeUnit.SECONDS));
        try (LogStream output = execs.output(exec, false)) {
            LogEntry first = output.next();
            assertEquals("inside", first.text());
        }
        assertEquals(Integer.valueOf(5), execs.inspect(exec).exitCode());
    }

    /** Waits (up to 10 s) until the terminal is 33x77, then prints its size. */
    private static final String AWAIT_SIZE = "i=0; while [ \"$(stty size 2>/dev/null)\" != '33 77' ] "
            + "&& [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; stty size";

    @Test
    public void resizeReachesTheTerminalOfAContainerAndOfAnExec() throws Exception {
        String id = run(shell(AWAIT_SIZE).tty(true));
        containers.resize(id, 33, 77);
        assertEquals(0, exitCode(id));
        assertTrue(log(id).toString(), log(id).stream().anyMatch(line -> line.strip().equals("33 77")));

        String host = run("sleep", "300");
        String exec = execs.create(host, new ExecSpec(List.of("sh", "-c", AWAIT_SIZE), null, null, null, true,
                false));
        execs.start(exec);
        execs.resize(exec, 33, 77);
        assertEquals(Integer.valueOf(0), execs.waitFor(exec).get(60, TimeUnit.SECONDS));
        List<String> lines = new java.util.ArrayList<>();
        try (LogStream output = execs.output(exec, false)) {
            for (LogEntry e = output.next(); e != null; e = output.next()) {
                lines.add(e.text().strip());
            }
        }
        assertTrue(lines.toString(), lines.contains("33 77"));
        assertThrows(io.berth.api.error.ConflictException.class, () -> containers.resize(id, 24, 80));
    }

    @Test
    public void pauseAndUnpause() throws Exception {
        String id = run("sleep", "300");
        containers.pause(id);
        assertEquals(ContainerStatus.PAUSED, containers.inspect(id).state().status());
        containers.unpause(id);
        assertEquals(ContainerStatus.RUNNING, containers.inspect(id).state().status());
    }

    @Test
    public void statsAndTop() throws Exception {
        String id = run("sleep", "300");
        ContainerStats stats = containers.stats(id);
        assertTrue("memory in use", stats.memoryUsageBytes() > 0);
        assertTrue("one process at least", stats.pidsCurrent() >= 1);
        TopResult top = containers.top(id);
        assertTrue(top.titles().contains("PID"));
        int cmd = top.titles().indexOf("CMD");
        assertTrue(top.toString(), top.processes().stream().anyMatch(p -> p.get(cmd).contains("sleep")));
    }

    @Test
    public void removalLeavesNoMountOrCgroup() throws Exception {
        String id = run("sleep", "300");
        containers.remove(id, true, false);
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        assertFalse("no mount of " + id, mounts.contains(id));
        for (String controller : List.of("memory", "pids", "freezer")) {
            // under the tests' cgroup parent only: other cgroups on a shared machine come and go during the walk
            Path cgroups = Path.of("/sys/fs/cgroup", controller, "berth-it");
            if (!Files.isDirectory(cgroups)) {
                continue;
            }
            try (var walk = Files.walk(cgroups, 1)) {
                assertFalse(controller + " cgroup of " + id + " left",
                        walk.anyMatch(p -> p.getFileName() != null && p.getFileName().toString().equals(id)));
            }
        }
    }
}
