package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartFailuresTest {

    @Test
    void recordedExitCodeWins() {
        assertThat(StartFailures.exitCode("permission denied", 127)).isEqualTo(127);
    }

    @Test
    void messagesAreClassifiedLikeTheDockerCli() {
        assertThat(StartFailures.exitCode("exec: \"x\": executable file not found in $PATH", 0)).isEqualTo(127);
        assertThat(StartFailures.exitCode("exec /x: no such file or directory", 0)).isEqualTo(127);
        assertThat(StartFailures.exitCode("exec /etc/passwd: permission denied", 0)).isEqualTo(126);
        assertThat(StartFailures.exitCode("exec /etc: is a directory", 0)).isEqualTo(126);
        assertThat(StartFailures.exitCode("runtime 'crun' is not available", 0)).isEqualTo(125);
        assertThat(StartFailures.exitCode(null, 0)).isEqualTo(125);
    }
}
