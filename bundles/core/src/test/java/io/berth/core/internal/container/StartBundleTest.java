package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.Mount;
import io.berth.api.error.InvalidArgumentException;
import io.berth.core.internal.testing.EngineFixture;

class StartBundleTest {

    @TempDir
    Path tmp;

    private EngineFixture f;

    @BeforeEach
    void open() throws IOException {
        f = new EngineFixture(tmp);
        Files.writeString(f.host.resolvConf(), "nameserver 192.0.2.53\n");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theBundleRunsAsTheResolvedUserWithTheEtcFiles() throws IOException {
        String id = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").user("app").hostname("web")
                .build(), null).id();
        image(id);

        f.engine.start(id);

        JsonNode spec = f.runtime.process(id).spec;
        JsonNode user = spec.path("process").path("user");
        assertThat(user.path("uid").asInt()).isEqualTo(1000);
        assertThat(user.path("gid").asInt()).isEqualTo(1000);
        assertThat(user.path("additionalGids").toString()).isEqualTo("[10]");
        assertThat(texts(spec.path("process").path("env"))).contains("HOSTNAME=web", "HOME=/home/app");
        assertThat(spec.path("linux").path("cgroupsPath").asText()).isEqualTo("/berth/" + id);
        Path dir = f.containerDir(id);
        assertThat(dir.resolve("hostname")).hasContent("web");
        assertThat(dir.resolve("resolv.conf")).hasContent("nameserver 192.0.2.53");
        assertThat(Files.readString(dir.resolve("hosts"))).contains("127.0.1.1\tweb");
        List<String> sources = new ArrayList<>();
        spec.path("mounts").forEach(m -> sources.add(m.path("source").asText()));
        assertThat(sources).contains(dir.resolve("hosts").toString(), dir.resolve("hostname").toString(),
                dir.resolve("resolv.conf").toString());
    }

    @Test
    void anUnknownUserFailsTheStartWithDockersMessage() throws IOException {
        String id = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").user("ghost").build(), null).id();
        image(id);

        assertThatThrownBy(() -> f.engine.start(id)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unable to find user ghost: no matching entries in passwd file");

        ContainerInfo info = f.inspect(id);
        assertThat(info.state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(info.state().error()).isEqualTo("unable to find user ghost: no matching entries in passwd file");
        assertThat(f.runtime.calls()).doesNotContain("create " + id);
    }

    @Test
    void aBindSourceThatVanishedBeforeTheStartIsRefused() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("data"));
        String id = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep")
                .mounts(List.of(new Mount(Mount.Type.BIND, source.toString(), "/data", false))).build(), null).id();
        Files.delete(source);

        assertThatThrownBy(() -> f.engine.start(id)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid mount config for type \"bind\": bind source path does not exist: " + source);
    }

    private void image(String id) throws IOException {
        Path rootfs = f.snapshots.prepare(id, "x");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"),
                "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n");
        Files.writeString(rootfs.resolve("etc/group"), "wheel:x:10:app\n");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
