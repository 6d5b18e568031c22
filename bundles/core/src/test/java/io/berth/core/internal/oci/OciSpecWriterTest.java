package io.berth.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.Mount;
import io.berth.api.container.Resources;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.store.Json;

class OciSpecWriterTest {

    private static final String ID = "0123456789ab" + "c".repeat(52);

    @TempDir
    Path dir;

    private final OciSpecWriter writer = new OciSpecWriter();

    @Test
    void writesDockersDefaults() throws IOException {
        ContainerSpec spec = base().workingDir("").user("").build();

        writer.write(dir.resolve("bundle"), record(spec), dir.resolve("rootfs"), List.of());
        JsonNode json = Json.mapper().readTree(dir.resolve("bundle/config.json").toFile());

        assertThat(json.path("ociVersion").asText()).isEqualTo("1.0.2");
        JsonNode process = json.path("process");
        assertThat(texts(process.path("args"))).containsExactly("/entry", "sh", "-c", "true");
        assertThat(process.path("cwd").asText()).isEqualTo("/");
        assertThat(process.path("terminal").asBoolean()).isFalse();
        assertThat(process.path("user").path("uid").asLong()).isZero();
        assertThat(process.path("noNewPrivileges").asBoolean(true)).isFalse();
        assertThat(texts(process.path("capabilities").path("bounding"))).hasSize(14).contains("CAP_KILL");
        assertThat(process.path("rlimits").get(0).path("type").asText()).isEqualTo("RLIMIT_NOFILE");
        assertThat(process.path("rlimits").get(0).path("hard").asLong()).isEqualTo(1024);
        assertThat(texts(process.path("env"))).containsExactly("HOSTNAME=0123456789ab",
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "A=1");
        assertThat(json.path("root").path("path").asText()).isEqualTo(dir.resolve("rootfs").toString());
        assertThat(json.path("hostname").asText()).isEqualTo("0123456789ab");
        assertThat(destinations(json)).containsExactly("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup",
                "/dev/mqueue", "/dev/shm");
        assertThat(namespaces(json)).containsExactly("pid", "ipc", "uts", "mount", "network");
        assertThat(texts(json.path("linux").path("maskedPaths"))).contains("/proc/kcore");
        assertThat(texts(json.path("linux").path("readonlyPaths"))).contains("/proc/sys");
        assertThat(json.path("linux").has("resources")).isFalse();
        try (var files = Files.list(dir.resolve("bundle"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("config.json");
        }
    }

    @Test
    void honoursTtyUserCwdHostNetworkMountsAndLimits() {
        ContainerSpec spec = base().tty(true).user("1000:50").workingDir("/work").networkMode("host")
                .env(List.of("TERM=vt100", "PATH=/bin"))
                .resources(new Resources(64 << 20, 512, 0, 0, 1_500_000_000L, 100)).build();
        List<Mount> mounts = List.of(new Mount(Mount.Type.BIND, "/host/data", "/data", true),
                new Mount(Mount.Type.TMPFS, null, "/dev/shm", false));

        JsonNode json = writer.build(record(spec), dir, mounts);

        JsonNode process = json.path("process");
        assertThat(process.path("terminal").asBoolean()).isTrue();
        assertThat(process.path("user").path("uid").asLong()).isEqualTo(1000);
        assertThat(process.path("user").path("gid").asLong()).isEqualTo(50);
        assertThat(process.path("cwd").asText()).isEqualTo("/work");
        assertThat(texts(process.path("env"))).containsExactly("HOSTNAME=0123456789ab", "TERM=vt100", "PATH=/bin");
        assertThat(namespaces(json)).doesNotContain("network");
        assertThat(destinations(json)).containsOnlyOnce("/dev/shm").endsWith("/data", "/dev/shm");
        JsonNode bind = json.path("mounts").get(json.path("mounts").size() - 2);
        assertThat(bind.path("source").asText()).isEqualTo("/host/data");
        assertThat(texts(bind.path("options"))).containsExactly("rbind", "rprivate", "ro");
        JsonNode resources = json.path("linux").path("resources");
        assertThat(resources.path("memory").path("limit").asLong()).isEqualTo(64 << 20);
        assertThat(resources.path("cpu").path("shares").asLong()).isEqualTo(512);
        assertThat(resources.path("cpu").path("quota").asLong()).isEqualTo(150_000);
        assertThat(resources.path("cpu").path("period").asLong()).isEqualTo(100_000);
        assertThat(resources.path("pids").path("limit").asLong()).isEqualTo(100);
    }

    @Test
    void userNamesFallBackToRoot() {
        assertThat(OciUser.parse("nobody")).isEqualTo(new OciUser(0, 0));
        assertThat(OciUser.parse("42")).isEqualTo(new OciUser(42, 0));
        assertThat(OciUser.parse("42:staff")).isEqualTo(new OciUser(42, 0));
        assertThat(OciUser.parse(null)).isEqualTo(new OciUser(0, 0));
    }

    @Test
    void envMergeReplacesByKey() {
        assertThat(EnvVars.merge(List.of("A=1", "B=2"), List.of("B=3", "C"))).containsExactly("A=1", "B=3", "C");
        assertThat(EnvVars.withDefaultPath(List.of("PATH=/x"))).containsExactly("PATH=/x");
        assertThat(EnvVars.withDefaultPath(List.of())).containsExactly(EnvVars.DEFAULT_PATH);
    }

    private static ContainerSpec.Builder base() {
        return ContainerSpec.builder("busybox").entrypoint(List.of("/entry")).cmd("sh", "-c", "true")
                .env(List.of("A=1")).hostname("0123456789ab").networkMode("none");
    }

    private static ContainerRecord record(ContainerSpec spec) {
        return new ContainerRecord(ID, "n", Instant.now(), "busybox", "sha256:x", "mock", spec,
                new ContainerState(ContainerStatus.CREATED, 0, 0, "", false, null, null), 0, false, null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> destinations(JsonNode spec) {
        List<String> values = new ArrayList<>();
        spec.path("mounts").forEach(node -> values.add(node.path("destination").asText()));
        return values;
    }

    private static List<String> namespaces(JsonNode spec) {
        List<String> values = new ArrayList<>();
        spec.path("linux").path("namespaces").forEach(node -> values.add(node.path("type").asText()));
        return values;
    }
}
