package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.runtime.RuntimeExecRequest;

class ProcessSpecsTest {

    private static final String CONFIG = "{\"process\":{\"terminal\":true,\"consoleSize\":{\"height\":1,\"width\":2},"
            + "\"user\":{\"uid\":1000,\"gid\":1000,\"additionalGids\":[10,20],\"umask\":18},"
            + "\"args\":[\"sleep\",\"60\"],\"env\":[\"PATH=/bin\",\"HOME=/root\"],\"cwd\":\"/\","
            + "\"noNewPrivileges\":true,\"capabilities\":{\"bounding\":[\"CAP_CHOWN\"]}}}";

    @TempDir
    Path dir;

    @Test
    void execKeepsTheContainersProcessSettings() throws Exception {
        ObjectNode base = base();
        ObjectNode exec = ProcessSpecs.forExec(base, request(List.of("HOME=/tmp", "X=1"), "/work", 1000, 1000, false));
        assertThat(exec.path("args").toString()).isEqualTo("[\"sh\",\"-c\",\"id\"]");
        assertThat(exec.path("env").toString()).isEqualTo("[\"HOME=/tmp\",\"X=1\"]");
        assertThat(exec.path("cwd").asText()).isEqualTo("/work");
        assertThat(exec.path("terminal").asBoolean()).isFalse();
        assertThat(exec.has("consoleSize")).isFalse();
        assertThat(exec.path("user").toString()).isEqualTo(
                "{\"uid\":1000,\"gid\":1000,\"additionalGids\":[10,20],\"umask\":18}");
        assertThat(exec.path("noNewPrivileges").asBoolean()).isTrue();
        assertThat(exec.at("/capabilities/bounding/0").asText()).isEqualTo("CAP_CHOWN");
        assertThat(base.path("args").toString()).isEqualTo("[\"sleep\",\"60\"]");
    }

    @Test
    void anotherUserLosesTheContainerUsersGroups() throws Exception {
        ObjectNode exec = ProcessSpecs.forExec(base(), request(List.of(), null, 0, 0, false));
        assertThat(exec.path("user").toString()).isEqualTo("{\"uid\":0,\"gid\":0,\"umask\":18}");
    }

    @Test
    void emptyEnvAndBlankCwdKeepTheContainers() throws Exception {
        ObjectNode exec = ProcessSpecs.forExec(base(), request(List.of(), " ", 1000, 1000, true));
        assertThat(exec.path("cwd").asText()).isEqualTo("/");
        assertThat(exec.path("env").toString()).isEqualTo("[\"PATH=/bin\",\"HOME=/root\"]");
        assertThat(exec.path("terminal").asBoolean()).isTrue();
    }

    @Test
    void bundleWithoutConfigIsAnError() {
        assertThatThrownBy(() -> ProcessSpecs.containerConfig(dir)).isInstanceOf(BerthException.class)
                .hasMessageContaining("config.json");
        assertThatThrownBy(() -> ContainerCreator.config(dir)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cannot read the OCI config " + dir.resolve("config.json"));
    }

    @Test
    void readsTheExecutableForErrorMessages() throws Exception {
        Files.writeString(dir.resolve("config.json"), CONFIG);
        assertThat(ContainerCreator.executable(ContainerCreator.config(dir))).isEqualTo("sleep");
        assertThat(ContainerCreator.executable(Json.parse("{}", "config"))).isNull();
    }

    private ObjectNode base() throws Exception {
        Files.writeString(dir.resolve("config.json"), CONFIG);
        return ProcessSpecs.containerProcess(ProcessSpecs.containerConfig(dir));
    }

    private RuntimeExecRequest request(List<String> env, String cwd, int uid, int gid, boolean tty) {
        return new RuntimeExecRequest("e1", List.of("sh", "-c", "id"), env, cwd, uid, gid, tty, false,
                dir.resolve("s"), dir.resolve("s/log"), dir.resolve("s/exits"));
    }
}
