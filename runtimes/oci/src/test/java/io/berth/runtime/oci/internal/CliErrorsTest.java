package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;

class CliErrorsTest {

    @Test
    void stripsLogrusFraming() {
        assertThat(RuntimeMessages.clean(
                "time=\"2026-11-27T17:14:26Z\" level=error msg=\"container does not exist\"\n"))
                .isEqualTo("container does not exist");
        assertThat(RuntimeMessages.clean("time=\"x\" level=error msg=\"exec: \\\"nope\\\": not found\"\n"))
                .isEqualTo("exec: \"nope\": not found");
        assertThat(RuntimeMessages.clean("line one\n\nline two\n")).isEqualTo("line one; line two");
        assertThat(RuntimeMessages.clean(null)).isEmpty();
    }

    @Test
    void unknownContainerIsNotFound() {
        BerthException error = CliErrors.failure("runc state", "abc",
                "time=\"x\" level=error msg=\"container does not exist\"", true);
        assertThat(error).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: abc (runc state: container does not exist)");
    }

    @Test
    void missingStateDirectoryIsNotFoundWhateverTheRuntimeSays() {
        BerthException error = CliErrors.failure("crun state", "abc",
                "error opening file `/run/crun/abc/status`: No such file or directory", false);
        assertThat(error).isInstanceOf(NotFoundException.class).hasMessageContaining("crun state: error opening file");
    }

    @Test
    void stateConflictsAreConflicts() {
        assertThat(CliErrors.failure("runc kill", "a", "msg=\"container not running\"", true))
                .isInstanceOf(ConflictException.class).hasMessage("runc kill a: container not running");
        assertThat(CliErrors.failure("crun delete", "a",
                "the container `a` is not in `created` or `stopped` state", true))
                .isInstanceOf(ConflictException.class);
        assertThat(CliErrors.failure("runc start", "a", "msg=\"cannot start a container in the paused state\"", true))
                .isInstanceOf(ConflictException.class);
        assertThat(CliErrors.failure("runc resume", "a", "msg=\"container not paused\"", true))
                .isInstanceOf(ConflictException.class);
        assertThat(CliErrors.failure("crun kill", "a", "open pidfd: No such process", true))
                .isInstanceOf(ConflictException.class);
        assertThat(CliErrors.failure("crun start", "a",
                "cannot open `/run/crun/a/exec.fifo`: No such file or directory", true))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void otherFailuresAreInternalWithTheRuntimesWords() {
        BerthException error = CliErrors.failure("runc list", null, "msg=\"permission denied\"", true);
        assertThat(error).isExactlyInstanceOf(BerthException.class).hasMessage("runc list failed: permission denied");
        assertThat(CliErrors.failure("runc list", null, "", true)).hasMessage("runc list failed: no message");
    }
}
