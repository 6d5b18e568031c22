package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.berth.api.error.InvalidArgumentException;

class StartFailureTest {

    @Test
    void runcWordingIsAlreadyDockers() {
        InvalidArgumentException error = StartFailure.of("create", "runc", "nope", "time=\"x\" level=error "
                + "msg=\"runc create failed: unable to start container process: exec: \\\"nope\\\": executable file "
                + "not found in $PATH\"\n");
        assertThat(error).hasMessage("OCI runtime create failed: runc create failed: unable to start container "
                + "process: exec: \"nope\": executable file not found in $PATH");
    }

    @Test
    void crunNotFoundGetsDockersWordingAndKeepsItsOwn() {
        InvalidArgumentException error = StartFailure.of("create", "crun", "nope",
                "executable file `nope` not found in $PATH: No such file or directory\n");
        assertThat(error).hasMessage("OCI runtime create failed: exec: \"nope\": executable file not found in $PATH"
                + " (crun: executable file `nope` not found in $PATH: No such file or directory)");
    }

    @Test
    void crunPermissionDeniedGetsDockersWording() {
        assertThat(StartFailure.of("exec", "crun", "/bin/data", "open executable: Permission denied\n"))
                .hasMessage("OCI runtime exec failed: exec: \"/bin/data\": permission denied"
                        + " (crun: open executable: Permission denied)");
    }

    @Test
    void otherFailuresKeepTheRuntimesText() {
        assertThat(StartFailure.of("create", "crun", "sh", "mount `proc` to `/proc`: Operation not permitted\n"))
                .hasMessage("OCI runtime create failed: mount `proc` to `/proc`: Operation not permitted");
        assertThat(StartFailure.dockerWording(null, "permission denied")).isEmpty();
    }
}
