package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.LogEntry;
import io.berth.api.container.WaitCondition;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunCommandTest {

    private static final String ID = Fixtures.id("c0ffee");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeContainerService containers = new FakeContainerService();
    private final RunCommand run = new RunCommand();

    @BeforeEach
    void inject() {
        run.setContainerService(containers);
        run.image = "busybox";
    }

    @Test
    void detachedPrintsTheIdAndDoesNotFollow() throws Exception {
        run.detach = true;

        Object result = run.execute();

        assertThat(result).isNull();
        assertThat(console.outLines()).containsExactly(ID);
        assertThat(containers.calls).containsExactly("create busybox null", "start " + ID);
    }

    @Test
    void optionsBecomeTheSpec() throws Exception {
        run.detach = true;
        run.rm = true;
        run.name = "web";
        run.runtime = "mock";
        run.env = List.of("A=1", "B=two words");
        run.workdir = "/srv";
        run.user = "1000:1000";
        run.labels = List.of("tier=front", "debug");
        run.hostname = "box";
        run.entrypoint = "/bin/sh";
        run.command = List.of("-c", "echo hi");

        run.execute();

        ContainerSpec spec = containers.createdSpec;
        assertThat(spec.image()).isEqualTo("busybox");
        assertThat(spec.entrypoint()).containsExactly("/bin/sh");
        assertThat(spec.cmd()).containsExactly("-c", "echo hi");
        assertThat(spec.env()).containsExactly("A=1", "B=two words");
        assertThat(spec.workingDir()).isEqualTo("/srv");
        assertThat(spec.user()).isEqualTo("1000:1000");
        assertThat(spec.labels()).isEqualTo(Map.of("tier", "front", "debug", ""));
        assertThat(spec.hostname()).isEqualTo("box");
        assertThat(spec.runtime()).isEqualTo("mock");
        assertThat(spec.autoRemove()).isTrue();
        assertThat(containers.calls).contains("create busybox web");
    }

    @Test
    void imageDefaultsApplyWhenNothingIsGiven() {
        ContainerSpec spec = run.spec();

        assertThat(spec.cmd()).isNull();
        assertThat(spec.entrypoint()).isNull();
        assertThat(spec.workingDir()).isNull();
        assertThat(spec.autoRemove()).isFalse();
    }

    @Test
    void emptyEntrypointClearsTheImagesEntrypoint() {
        run.entrypoint = "";

        assertThat(run.spec().entrypoint()).isEmpty();
    }

    @Test
    void labelWithoutNameIsRejected() {
        run.labels = List.of("=x");

        assertThatThrownBy(run::execute).hasMessage("invalid label '=x': empty name");
        assertThat(containers.calls).isEmpty();
    }

    @Test
    void attachedPrintsTheOutputAndReturnsTheExitCode() throws Exception {
        containers.log = List.of(
                new LogEntry(LogEntry.Stream.STDOUT, Fixtures.NOW, "hello", false),
                new LogEntry(LogEntry.Stream.STDERR, Fixtures.NOW, "oops", false),
                new LogEntry(LogEntry.Stream.STDOUT, Fixtures.NOW, "no newline", true));
        containers.exitCode = 3;

        Object result = run.execute();

        assertThat(result).isEqualTo(3);
        assertThat(console.out()).isEqualTo("hello\nno newline");
        assertThat(console.err()).isEqualTo("oops\n");
        assertThat(containers.lastLogOptions.follow()).isTrue();
        assertThat(containers.lastLogOptions.tail()).isEqualTo(-1);
        assertThat(containers.calls).containsSubsequence("start " + ID, "logs " + ID,
                "wait " + ID + " " + WaitCondition.NOT_RUNNING);
        assertThat(containers.calls).noneMatch(call -> call.startsWith("remove"));
        assertThat(containers.createdSpec.autoRemove()).isFalse();
    }

    @Test
    void attachedWithRmRemovesTheContainerAfterItExits() throws Exception {
        run.rm = true;

        Object result = run.execute();

        assertThat(result).isEqualTo(0);
        assertThat(containers.calls).last().isEqualTo("remove " + ID + " force=true volumes=true");
        assertThat(containers.containers).isEmpty();
    }

    @Test
    void interruptDetachesAndLeavesTheContainerRunning() throws Exception {
        BlockingLogStream stream =
                new BlockingLogStream(new LogEntry(LogEntry.Stream.STDOUT, Fixtures.NOW, "up", false));
        containers.logStream = stream;
        run.rm = true;
        AtomicReference<Object> outcome = new AtomicReference<>("not finished");
        Thread session = new Thread(() -> {
            try {
                outcome.set(run.execute());
            } catch (Exception e) {
                outcome.set(e);
            }
        });

        session.start();
        assertThat(stream.blocked.await(10, TimeUnit.SECONDS)).isTrue();
        session.interrupt();
        session.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(session.isAlive()).isFalse();
        assertThat(outcome.get()).isNull();
        assertThat(stream.closed).isTrue();
        assertThat(console.out()).isEqualTo("up\n");
        assertThat(containers.calls).noneMatch(call -> call.startsWith("remove") || call.startsWith("wait"));
    }

    @Test
    void startFailurePrintsTheErrorAndReturnsTheRecordedExitCode() throws Exception {
        containers.startFailure = new InvalidArgumentException(
                "exec: \"nosuch\": executable file not found in $PATH");
        containers.exitCodeRecordedOnStartFailure = 127;
        run.rm = true;

        Object result = run.execute();

        assertThat(result).isEqualTo(127);
        assertThat(console.err()).isEqualTo("Error: exec: \"nosuch\": executable file not found in $PATH\n");
        assertThat(console.out()).isEmpty();
        assertThat(containers.calls).last().isEqualTo("remove " + ID + " force=true volumes=true");
    }

    @Test
    void startFailureWithoutRmKeepsTheContainer() throws Exception {
        containers.startFailure = new InvalidArgumentException("permission denied");

        Object result = run.execute();

        assertThat(result).isEqualTo(126);
        assertThat(containers.containers).containsKey(ID);
    }

    @Test
    void detachedStartFailureAlsoReturnsTheExitCode() throws Exception {
        run.detach = true;
        containers.startFailure = new InvalidArgumentException("runtime 'crun' is not available");

        Object result = run.execute();

        assertThat(result).isEqualTo(125);
        assertThat(console.out()).isEmpty();
    }

    @Test
    void createFailureSurfacesWithExactlyTheEnginesMessage() {
        containers.createFailure = new NotFoundException("No such image: nosuch:latest");
        run.image = "nosuch";

        assertThatThrownBy(run::execute)
                .isExactlyInstanceOf(Exception.class)
                .hasMessage("No such image: nosuch:latest");
    }

    @Test
    void warningsArePrintedOnStandardError() throws Exception {
        containers.warnings = List.of("memory limit ignored");
        run.detach = true;

        run.execute();

        assertThat(console.err()).isEqualTo("WARNING: memory limit ignored\n");
    }
}
