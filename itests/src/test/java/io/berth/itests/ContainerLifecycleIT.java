package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.container.WaitCondition;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.NotModifiedException;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImportOptions;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The whole container lifecycle with the mock runtime, through ContainerService and through the console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerLifecycleIT extends BerthTestSupport {

    private static final String IMAGE = "lifecycle:test";

    @Inject
    private ContainerService containers;

    @Inject
    private ImageService images;

    @Before
    public void importImage() {
        images.importImage(new ByteArrayInputStream(RootfsFixture.tarball()), ImportOptions.tagged(IMAGE));
    }

    @Test
    public void runEchoAndReadItsLog() throws Exception {
        String id = containers.create(ContainerSpec.builder(IMAGE).cmd("echo", "hi").build(), null).id();
        containers.start(id);
        assertEquals(0, containers.wait(id, WaitCondition.NOT_RUNNING).get(30, TimeUnit.SECONDS).exitCode());
        assertEquals(List.of("hi"), logLines(id));
        assertEquals(ContainerStatus.EXITED, containers.inspect(id).state().status());
        containers.remove(id, false, false);
        assertThrows(NotFoundException.class, () -> containers.inspect(id));
    }

    @Test
    public void stopAndKillGiveDockerExitCodes() throws Exception {
        String id = containers.create(ContainerSpec.builder(IMAGE).cmd("sleep", "300").build(), "sleeper").id();
        containers.start(id);
        assertThrows(NotModifiedException.class, () -> containers.start("sleeper"));
        assertEquals(ContainerStatus.RUNNING, containers.inspect("/sleeper").state().status());

        containers.stop("sleeper", 10, null);
        assertEquals(143, containers.inspect(id).state().exitCode());
        assertThrows(NotModifiedException.class, () -> containers.stop("sleeper", 10, null));

        containers.start(id.substring(0, 12));
        var exit = containers.wait(id, WaitCondition.NEXT_EXIT);
        containers.kill(id, "SIGKILL");
        assertEquals(137, exit.get(30, TimeUnit.SECONDS).exitCode());
        containers.remove(id, false, false);
    }

    @Test
    public void removingARunningContainerNeedsForce() throws Exception {
        String id = containers.create(ContainerSpec.builder(IMAGE).cmd("sleep", "300").build(), null).id();
        containers.start(id);
        assertThrows(ConflictException.class, () -> containers.remove(id, false, false));
        assertTrue(containers.inspect(id).state().running());
        containers.remove(id, true, false);
        assertFalse(containers.list(ContainerFilter.ALL).stream().anyMatch(c -> c.id().equals(id)));
    }

    @Test
    public void unknownExecutableFailsStartWith127() {
        String id = containers.create(ContainerSpec.builder(IMAGE).cmd("nosuchcmd").build(), null).id();
        Exception e = assertThrows(Exception.class, () -> containers.start(id));
        assertTrue(e.getMessage(), e.getMessage().contains("executable file not found"));
        ContainerInfo info = containers.inspect(id);
        assertEquals(ContainerStatus.EXITED, info.state().status());
        assertEquals(127, info.state().exitCode());
        containers.remove(id, false, false);
    }

    @Test
    public void consoleLifecycle() throws Exception {
        Path tar = RootfsFixture.writeTo(Files.createTempFile("rootfs", ".tar"));
        String imported = run("berth:import " + tar + " console:test");
        assertTrue(imported, imported.contains("sha256:"));
        assertTrue(run("berth:images"), run("berth:images").contains("console"));

        CommandResult echo = execute("berth:run --rm console:test echo hello");
        assertEquals(echo.toString(), 0, echo.value());
        assertTrue(echo.output(), echo.output().contains("hello"));

        CommandResult exit3 = execute("berth:run --name three console:test sh -c 'exit 3'");
        assertEquals(exit3.toString(), 3, exit3.value());

        String id = run("berth:run -d --name web console:test sleep 300").trim();
        assertEquals(64, id.length());
        String ps = run("berth:ps");
        assertTrue(ps, ps.contains("web") && ps.contains("Up"));
        assertFalse(ps, ps.contains("three"));
        assertTrue(run("berth:ps -a"), run("berth:ps -a").contains("three"));
        assertTrue(run("berth:logs three").isBlank());

        run("berth:stop web");
        String all = run("berth:ps -a");
        assertTrue(all, all.contains("Exited (143)"));
        String inspect = run("berth:inspect web");
        assertTrue(inspect, inspect.contains(id));

        run("berth:rm web three");
        String after = run("berth:ps -a");
        assertFalse(after, after.contains("web"));
        assertFalse(after, after.contains("three"));
        CommandResult missing = execute("berth:rm web");
        assertNotNull(missing.error());
        assertTrue(missing.toString(), (missing.output() + missing.error().getMessage()).contains("No such container"));
    }

    private List<String> logLines(String id) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        try (LogStream log = containers.logs(id, LogOptions.ALL)) {
            for (LogEntry e = log.next(); e != null; e = log.next()) {
                lines.add(e.text());
            }
        }
        return lines;
    }
}
