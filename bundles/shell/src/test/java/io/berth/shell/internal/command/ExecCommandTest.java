package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.container.LogEntry;
import io.berth.api.error.InvalidArgumentException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** berth:exec prints the process's output and returns its exit code. */
class ExecCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeExecService execs = new FakeExecService();

    private ExecCommand command(String container, String... cmd) {
        ExecCommand exec = new ExecCommand();
        exec.setContainerService(new FakeContainerService().with(Fixtures.running("aa", "web")));
        exec.setExecService(execs);
        exec.container = container;
        exec.command = List.of(cmd);
        return exec;
    }

    @Test
    void printsOutputAndReturnsTheExitCode() throws Exception {
        execs.output = List.of(new LogEntry(LogEntry.Stream.STDOUT, Instant.EPOCH, "hello", false));
        execs.exitCode = 3;
        ExecCommand exec = command("web", "sh", "-c", "echo hello; exit 3");
        exec.env = List.of("A=1");
        exec.workdir = "/tmp";
        exec.user = "1000";

        Object result = exec.execute();

        assertThat(result).isEqualTo(3);
        assertThat(console.outLines()).containsExactly("hello");
        assertThat(execs.calls).containsExactly("create web sh -c echo hello; exit 3", "start e1");
        assertThat(execs.lastSpec.env()).containsExactly("A=1");
        assertThat(execs.lastSpec.workingDir()).isEqualTo("/tmp");
        assertThat(execs.lastSpec.user()).isEqualTo("1000");
    }

    @Test
    void aMissingExecutableReturns127AndPrintsTheError() throws Exception {
        execs.startFailure = new InvalidArgumentException("exec: \"nosuch\": executable file not found in $PATH");
        execs.recordedExitCode = 127;

        Object result = command("web", "nosuch").execute();

        assertThat(result).isEqualTo(127);
        assertThat(console.err()).contains("executable file not found");
    }

    @Test
    void anUnknownContainerFailsWithTheEngineMessage() {
        assertThatThrownBy(command("nosuch", "true")::execute).hasMessage("No such container: nosuch");
    }
}
