package io.berth.runtime.mock.internal;

import static io.berth.api.container.LogEntry.Stream.STDERR;
import static io.berth.api.container.LogEntry.Stream.STDOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.runtime.mock.internal.Step.Exit;
import io.berth.runtime.mock.internal.Step.Output;
import io.berth.runtime.mock.internal.Step.ReadStdin;
import io.berth.runtime.mock.internal.Step.SetStatus;
import io.berth.runtime.mock.internal.Step.Sleep;

class ShellScriptTest {

    private static final ProcessSpec PROCESS =
            new ProcessSpec(List.of("sh"), List.of("NAME=berth", "EMPTY="), "/srv", false);

    private static List<Step> sh(String... operands) {
        return ShellScript.program(List.of(operands), PROCESS);
    }

    @Test
    void exitWithACode() {
        assertThat(sh("-c", "exit 3")).containsExactly(new Exit(3));
        assertThat(sh("-c", "exit 256")).containsExactly(new Exit(0));
    }

    @Test
    void exitWithoutACodeUsesTheLastStatus() {
        assertThat(sh("-c", "false; exit")).containsExactly(new SetStatus(1), new Exit(null));
    }

    @Test
    void echoThenExit() {
        assertThat(sh("-c", "echo TEXT; exit 4"))
                .containsExactly(new Output(STDOUT, "TEXT"), new SetStatus(0), new Exit(4));
    }

    @Test
    void sleepThenEcho() {
        assertThat(sh("-c", "sleep 0.5\necho done")).containsExactly(new Sleep(Duration.ofMillis(500)),
                new Output(STDOUT, "done"), new SetStatus(0));
    }

    @Test
    void quotesKeepBlanksAndSemicolons() {
        assertThat(sh("-c", "echo 'a;  b' \"c  d\" e\\ f")).first()
                .isEqualTo(new Output(STDOUT, "a;  b c  d e f"));
    }

    @Test
    void expandsEnvironmentVariables() {
        assertThat(sh("-c", "echo $NAME-${NAME} \"[$EMPTY]\" $UNSET end $")).first()
                .isEqualTo(new Output(STDOUT, "berth-berth [] end $"));
    }

    @Test
    void commentsAreSkipped() {
        assertThat(sh("-c", "# nothing here\necho a#b # c")).first().isEqualTo(new Output(STDOUT, "a#b"));
    }

    @Test
    void redirectionToStderr() {
        assertThat(sh("-c", "echo oops >&2")).first().isEqualTo(new Output(STDERR, "oops"));
        assertThat(sh("-c", "echo oops 1>&2")).first().isEqualTo(new Output(STDERR, "oops"));
    }

    @Test
    void anUnknownCommandFailsWith127() {
        assertThat(sh("-c", "nginx -g x")).containsExactly(new Output(STDERR, "sh: nginx: not found"),
                new SetStatus(127));
    }

    @Test
    void syntaxErrorsExitWith2() {
        assertThat(sh("-c", "echo 'open")).containsExactly(
                new Output(STDERR, "sh: syntax error: unterminated quoted string"), new Exit(2));
        assertThat(sh("-c", "exit x")).containsExactly(new Output(STDERR, "sh: exit: Illegal number: x"),
                new Exit(2));
        assertThat(sh("-c")).containsExactly(new Output(STDERR, "sh: -c requires an argument"), new Exit(2));
        assertThat(sh("script.sh")).containsExactly(
                new Output(STDERR, "sh: can't open 'script.sh': No such file or directory"), new Exit(2));
    }

    @Test
    void shellWithoutScriptReadsStdinUntilItCloses() {
        assertThat(sh()).containsExactly(new ReadStdin(false), new SetStatus(0));
    }

    @Test
    void utilitiesWorkInsideScripts() {
        assertThat(sh("-c", "pwd; true; :; cat; /bin/echo x")).containsExactly(new Output(STDOUT, "/srv"),
                new SetStatus(0), new SetStatus(0), new SetStatus(0), new ReadStdin(true), new SetStatus(0),
                new Output(STDOUT, "x"), new SetStatus(0));
    }

    @Test
    void emptyScriptDoesNothing() {
        assertThat(sh("-c", " ; ;\n")).isEmpty();
    }
}
