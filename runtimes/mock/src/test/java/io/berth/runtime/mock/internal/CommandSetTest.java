package io.berth.runtime.mock.internal;

import static io.berth.api.container.LogEntry.Stream.STDERR;
import static io.berth.api.container.LogEntry.Stream.STDOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.api.error.InvalidArgumentException;
import io.berth.runtime.mock.internal.Step.Output;
import io.berth.runtime.mock.internal.Step.ReadStdin;
import io.berth.runtime.mock.internal.Step.SetStatus;
import io.berth.runtime.mock.internal.Step.Sleep;

class CommandSetTest {

    private static List<Step> program(String... args) {
        return CommandSet.program(new ProcessSpec(List.of(args), List.of("A=1", "B=2"), "/work", false));
    }

    @Test
    void echoJoinsItsArgumentsWithSpaces() {
        assertThat(program("echo", "hello", "big", "world"))
                .containsExactly(new Output(STDOUT, "hello big world"), new SetStatus(0));
    }

    @Test
    void trueAndFalseSetTheStatus() {
        assertThat(program("true")).containsExactly(new SetStatus(0));
        assertThat(program("false")).containsExactly(new SetStatus(1));
    }

    @Test
    void sleepTakesDecimalSeconds() {
        assertThat(program("sleep", "0.25")).containsExactly(new Sleep(Duration.ofMillis(250)));
    }

    @Test
    void sleepWithABadNumberFailsAtRunTimeLikeBusybox() {
        assertThat(program("sleep", "soon")).containsExactly(
                new Output(STDERR, "sleep: invalid number 'soon'"), new SetStatus(1));
    }

    @Test
    void catReadsStdinAndReportsMissingFiles() {
        assertThat(program("cat")).containsExactly(new ReadStdin(true), new SetStatus(0));
        assertThat(program("cat", "/etc/x")).containsExactly(
                new Output(STDERR, "cat: can't open '/etc/x': No such file or directory"), new SetStatus(1));
    }

    @Test
    void envAndPwdPrintTheProcessConfiguration() {
        assertThat(program("env")).containsExactly(new Output(STDOUT, "A=1"), new Output(STDOUT, "B=2"),
                new SetStatus(0));
        assertThat(program("pwd")).containsExactly(new Output(STDOUT, "/work"), new SetStatus(0));
    }

    @Test
    void absolutePathsCountByTheirBaseName() {
        assertThat(program("/bin/echo", "hi")).isEqualTo(program("echo", "hi"));
        assertThat(program("/usr/bin/sleep", "1")).isEqualTo(program("sleep", "1"));
    }

    @Test
    void anUnknownExecutableIsRejectedWithDockersMessage() {
        assertThatThrownBy(() -> program("nginx", "-g", "daemon off;"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("exec: \"nginx\": executable file not found in $PATH");
        assertThatThrownBy(() -> program("/usr/sbin/httpd"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("exec: \"/usr/sbin/httpd\": executable file not found in $PATH");
    }

    @Test
    void shellBuiltinsAreNoExecutables() {
        assertThatThrownBy(() -> program("exit", "3"))
                .hasMessage("exec: \"exit\": executable file not found in $PATH");
    }
}
