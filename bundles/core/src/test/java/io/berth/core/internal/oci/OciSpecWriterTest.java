package io.berth.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.berth.api.container.SecurityOptions;
import io.berth.api.error.InvalidArgumentException;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.store.Json;

class OciSpecWriterTest {

    private static final String ID = "0123456789ab" + "c".repeat(52);
    /** Every capability but CAP_SYS_RESOURCE (bit 24), like the project's machines. */
    private static final long BOUNDING = 0x1fffeffffffL;

    @TempDir
    Path dir;

    private final OciSpecWriter writer = new OciSpecWriter(host(20_000), "/berth");

    @Test
    void writesDockersDefaults() throws IOException {
        ContainerSpec spec = base().workingDir("").user("").build();

        writer.write(dir.resolve("bundle"), inputs(spec, List.of(), ProcessUser.ROOT));
        JsonNode json = Json.mapper().readTree(dir.resolve("bundle/config.json").toFile());

        assertThat(json.path("ociVersion").asText()).isEqualTo("1.0.2");
        JsonNode process = json.path("process");
        assertThat(texts(process.path("args"))).containsExactly("/entry", "sh", "-c", "true");
        assertThat(process.path("cwd").asText()).isEqualTo("/");
        assertThat(process.path("terminal").asBoolean()).isFalse();
        assertThat(process.path("user").path("uid").asInt()).isZero();
        assertThat(process.path("user").path("gid").asInt()).isZero();
        assertThat(process.path("user").has("additionalGids")).isFalse();
        assertThat(process.path("noNewPrivileges").asBoolean(true)).isFalse();
        for (String set : List.of("bounding", "effective", "permitted")) {
            assertThat(texts(process.path("capabilities").path(set)))
                    .containsExactlyInAnyOrderElementsOf(Capabilities.DOCKER_DEFAULT);
        }
        assertThat(process.path("capabilities").path("inheritable")).isEmpty();
        assertThat(process.path("capabilities").path("ambient")).isEmpty();
        assertThat(process.path("rlimits")).hasSize(1);
        assertThat(process.path("rlimits").get(0).path("type").asText()).isEqualTo("RLIMIT_NOFILE");
        assertThat(process.path("rlimits").get(0).path("hard").asLong()).isEqualTo(20_000);
        assertThat(process.path("rlimits").get(0).path("soft").asLong()).isEqualTo(20_000);
        assertThat(texts(process.path("env"))).containsExactly(
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=0123456789ab", "A=1",
                "HOME=/");
        assertThat(json.path("root").path("path").asText()).isEqualTo(dir.resolve("rootfs").toString());
        assertThat(json.path("root").path("readonly").asBoolean(true)).isFalse();
        assertThat(json.path("hostname").asText()).isEqualTo("0123456789ab");
        assertThat(destinations(json)).containsExactly("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup",
                "/dev/mqueue", "/dev/shm", "/etc/resolv.conf", "/etc/hostname", "/etc/hosts");
        assertThat(mount(json, "/sys").path("options").toString()).contains("\"ro\"");
        assertThat(texts(mount(json, "/dev/shm").path("options"))).contains("size=65536k", "mode=1777");
        assertThat(texts(mount(json, "/dev").path("options"))).containsExactly("nosuid", "strictatime",
                "mode=755", "size=65536k");
        assertThat(texts(mount(json, "/dev/pts").path("options"))).contains("newinstance", "ptmxmode=0666",
                "mode=0620", "gid=5");
        JsonNode hosts = mount(json, "/etc/hosts");
        assertThat(hosts.path("type").asText()).isEqualTo("bind");
        assertThat(hosts.path("source").asText()).isEqualTo(dir.resolve("ctr/hosts").toString());
        assertThat(texts(hosts.path("options"))).containsExactly("rbind", "rprivate", "rw");
        JsonNode linux = json.path("linux");
        assertThat(namespaces(json)).containsExactly("pid", "ipc", "uts", "mount", "network");
        assertThat(texts(linux.path("maskedPaths"))).contains("/proc/kcore", "/sys/firmware");
        assertThat(texts(linux.path("readonlyPaths"))).contains("/proc/sys", "/proc/sysrq-trigger");
        assertThat(linux.path("cgroupsPath").asText()).isEqualTo("/berth/" + ID);
        JsonNode devices = linux.path("resources").path("devices");
        assertThat(devices.get(0).path("allow").asBoolean(true)).isFalse();
        assertThat(devices.get(0).path("access").asText()).isEqualTo("rwm");
        assertThat(devices.toString()).contains(
                "{\"allow\":true,\"type\":\"c\",\"major\":1,\"minor\":3,\"access\":\"rwm\"}",
                "{\"allow\":true,\"type\":\"c\",\"major\":136,\"access\":\"rwm\"}");
        assertThat(linux.path("resources").has("memory")).isFalse();
        assertThat(linux.path("resources").has("cpu")).isFalse();
        try (var files = Files.list(dir.resolve("bundle"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("config.json");
        }
    }

    @Test
    void honoursTtyUserCwdHostNetworkMountsAndLimits() throws IOException {
        Path data = Files.createDirectories(dir.resolve("host-data"));
        ContainerSpec spec = base().tty(true).workingDir("/work").networkMode("host")
                .env(List.of("TERM=vt100", "PATH=/bin", "HOME=/own"))
                .resources(new Resources(64 << 20, 512, 0, 0, 1_500_000_000L, 100)).build();
        List<Mount> mounts = List.of(new Mount(Mount.Type.TMPFS, null, "/dev/shm", false),
                new Mount(Mount.Type.BIND, data.toString(), "/data", true),
                new Mount(Mount.Type.BIND, data.toString(), "/etc/hosts", true));
        ProcessUser user = new ProcessUser(1000, 50, List.of(10, 20), "/home/u");

        JsonNode json = writer.build(inputs(spec, mounts, user));

        JsonNode process = json.path("process");
        assertThat(process.path("terminal").asBoolean()).isTrue();
        assertThat(process.path("user").path("uid").asInt()).isEqualTo(1000);
        assertThat(process.path("user").path("gid").asInt()).isEqualTo(50);
        assertThat(process.path("user").path("additionalGids").toString()).isEqualTo("[10,20]");
        assertThat(process.path("cwd").asText()).isEqualTo("/work");
        assertThat(texts(process.path("env"))).containsExactly("PATH=/bin", "HOSTNAME=0123456789ab",
                "TERM=vt100", "HOME=/own");
        assertThat(namespaces(json)).containsExactly("pid", "ipc", "uts", "mount");
        assertThat(destinations(json)).containsOnlyOnce("/dev/shm", "/etc/hosts")
                .endsWith("/data", "/dev/shm", "/etc/hosts");
        JsonNode bind = mount(json, "/data");
        assertThat(bind.path("source").asText()).isEqualTo(data.toString());
        assertThat(texts(bind.path("options"))).containsExactly("rbind", "rprivate", "ro");
        assertThat(mount(json, "/etc/hosts").path("source").asText()).isEqualTo(data.toString());
        JsonNode resources = json.path("linux").path("resources");
        assertThat(resources.path("memory").path("limit").asLong()).isEqualTo(64 << 20);
        assertThat(resources.path("cpu").path("shares").asLong()).isEqualTo(512);
        assertThat(resources.path("cpu").path("quota").asLong()).isEqualTo(150_000);
        assertThat(resources.path("cpu").path("period").asLong()).isEqualTo(100_000);
        assertThat(resources.path("pids").path("limit").asLong()).isEqualTo(100);
    }

    @Test
    void quotaAndPeriodPassThroughWithoutNanoCpus() {
        ContainerSpec spec = base().resources(new Resources(0, 0, 20_000, 50_000, 0, 0)).build();

        JsonNode cpu = writer.build(inputs(spec, List.of(), ProcessUser.ROOT)).path("linux").path("resources")
                .path("cpu");

        assertThat(cpu.path("quota").asLong()).isEqualTo(20_000);
        assertThat(cpu.path("period").asLong()).isEqualTo(50_000);
        assertThat(cpu.has("shares")).isFalse();
    }

    @Test
    void readOnlyRootfsAlsoMakesTheEtcFilesReadOnly() {
        ContainerSpec spec = base().security(new SecurityOptions(true, false, true, null, null)).build();

        JsonNode json = writer.build(inputs(spec, List.of(), ProcessUser.ROOT));

        assertThat(json.path("root").path("readonly").asBoolean()).isTrue();
        assertThat(json.path("process").path("noNewPrivileges").asBoolean()).isTrue();
        for (String file : List.of("/etc/hosts", "/etc/hostname", "/etc/resolv.conf")) {
            assertThat(texts(mount(json, file).path("options"))).containsExactly("rbind", "rprivate", "ro");
        }
    }

    @Test
    void privilegedGetsEveryCapabilityTheEngineHasAndNoMaskedPaths() {
        ContainerSpec spec = base().security(new SecurityOptions(false, true, false, null, List.of("ALL"))).build();

        JsonNode json = writer.build(inputs(spec, List.of(), ProcessUser.ROOT));

        List<String> bounding = texts(json.path("process").path("capabilities").path("bounding"));
        assertThat(bounding).hasSize(40).contains("CAP_SYS_ADMIN", "CAP_NET_ADMIN").doesNotContain("CAP_SYS_RESOURCE");
        assertThat(json.path("linux").has("maskedPaths")).isFalse();
        assertThat(json.path("linux").has("readonlyPaths")).isFalse();
        assertThat(texts(mount(json, "/sys").path("options"))).contains("rw").doesNotContain("ro");
        assertThat(texts(mount(json, "/sys/fs/cgroup").path("options"))).contains("rw").doesNotContain("ro");
        assertThat(json.path("linux").path("resources").path("devices").toString())
                .isEqualTo("[{\"allow\":true,\"access\":\"rwm\"}]");
    }

    @Test
    void capabilitiesAreTweakedAndLimitedToTheEnginesBoundingSet() {
        ContainerSpec spec = base().security(new SecurityOptions(false, false, false,
                List.of("net_admin", "CAP_SYS_RESOURCE"), List.of("MKNOD", "cap_kill"))).build();

        JsonNode caps = writer.build(inputs(spec, List.of(), ProcessUser.ROOT)).path("process").path("capabilities");

        assertThat(texts(caps.path("effective"))).contains("CAP_NET_ADMIN", "CAP_CHOWN")
                .doesNotContain("CAP_MKNOD", "CAP_KILL", "CAP_SYS_RESOURCE").hasSize(13);
        assertThat(texts(caps.path("permitted"))).isEqualTo(texts(caps.path("bounding")));
    }

    @Test
    void theFileLimitNeverExceedsDockersDefault() {
        OciSpecWriter unlimited = new OciSpecWriter(host(Long.MAX_VALUE), "/custom/parent");

        JsonNode json = unlimited.build(inputs(base().build(), List.of(), ProcessUser.ROOT));

        assertThat(json.path("process").path("rlimits").get(0).path("hard").asLong()).isEqualTo(1_048_576);
        assertThat(json.path("linux").path("cgroupsPath").asText()).isEqualTo("/custom/parent/" + ID);
    }

    @Test
    void aVanishedBindSourceOrUnknownCapabilityIsRefused() {
        List<Mount> gone = List.of(new Mount(Mount.Type.BIND, dir.resolve("gone").toString(), "/x", false));
        ContainerSpec badCap = base().security(new SecurityOptions(false, false, false, List.of("FLY"), null))
                .build();

        assertThatThrownBy(() -> writer.build(inputs(base().build(), gone, ProcessUser.ROOT)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid mount config for type \"bind\": bind source path does not exist: "
                        + dir.resolve("gone"));
        assertThatThrownBy(() -> writer.build(inputs(badCap, List.of(), ProcessUser.ROOT)))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("unknown capability: \"CAP_FLY\"");
    }

    @Test
    void execEnvironmentAddsTheExecsVariablesAndTerminal() {
        ContainerSpec spec = base().env(List.of("PATH=/bin", "A=1", "B=2")).build();

        List<String> env = OciSpecWriter.execEnvironment(spec, true, List.of("B=3", "C=4"),
                new ProcessUser(5, 5, List.of(), "/home/five"));

        assertThat(env).containsExactly("PATH=/bin", "HOSTNAME=0123456789ab", "TERM=xterm", "A=1", "B=3", "C=4",
                "HOME=/home/five");
    }

    @Test
    void envMergeReplacesByKey() {
        assertThat(EnvVars.merge(List.of("A=1", "B=2"), List.of("B=3", "C"))).containsExactly("A=1", "B=3", "C");
        assertThat(EnvVars.withDefaultPath(List.of("PATH=/x"))).containsExactly("PATH=/x");
        assertThat(EnvVars.withDefaultPath(List.of())).containsExactly(EnvVars.DEFAULT_PATH);
    }

    private BundleInputs inputs(ContainerSpec spec, List<Mount> mounts, ProcessUser user) {
        return new BundleInputs(record(spec), dir.resolve("rootfs"), mounts, user, EtcFiles.in(dir.resolve("ctr")));
    }

    private static HostEnvironment host(long nofile) {
        return new HostEnvironment("buildhost", BOUNDING, nofile, Path.of("/etc/hosts"), Path.of("/etc/resolv.conf"),
                Path.of("/proc"));
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

    private static JsonNode mount(JsonNode spec, String destination) {
        for (JsonNode node : spec.path("mounts")) {
            if (node.path("destination").asText().equals(destination)) {
                return node;
            }
        }
        throw new AssertionError("no mount at " + destination);
    }

    private static List<String> namespaces(JsonNode spec) {
        List<String> values = new ArrayList<>();
        spec.path("linux").path("namespaces").forEach(node -> values.add(node.path("type").asText()));
        return values;
    }
}
