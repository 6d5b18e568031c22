package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test fixture: an OCI bundle whose rootfs holds the host's static busybox and a config.json from
 * {@code runc spec} (new pid, network, ipc, uts and mount namespaces), edited for a non-interactive busybox
 * command. Edits are saved at once.
 */
final class BusyboxBundle {

    static final Path HOST_BUSYBOX = Path.of("/bin/busybox");
    private static final List<String> APPLETS =
            List.of("sh", "echo", "sleep", "cat", "true", "false", "id", "env", "ps", "pwd", "stty");

    private final Path dir;
    private final ObjectNode config;

    private BusyboxBundle(Path dir, ObjectNode config) {
        this.dir = dir;
        this.config = config;
    }

    /** A bundle in {@code dir} (created) that runs {@code args}. */
    static BusyboxBundle create(Path dir, List<String> args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("rootfs/bin"));
        Files.copy(HOST_BUSYBOX, bin.resolve("busybox"));
        for (String applet : APPLETS) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
        Process spec = new ProcessBuilder("runc", "spec", "--bundle", dir.toString()).inheritIO().start();
        if (!spec.waitFor(30, TimeUnit.SECONDS) || spec.exitValue() != 0) {
            throw new IOException("runc spec failed");
        }
        ObjectNode config = (ObjectNode) Json.MAPPER.readTree(dir.resolve("config.json").toFile());
        BusyboxBundle bundle = new BusyboxBundle(dir, config);
        ((ObjectNode) config.path("root")).put("path", dir.resolve("rootfs").toString()).put("readonly", false);
        bundle.process().put("terminal", false);
        return bundle.args(args);
    }

    BusyboxBundle args(List<String> args) throws IOException {
        ArrayNode array = process().putArray("args");
        args.forEach(array::add);
        return save();
    }

    BusyboxBundle terminal() throws IOException {
        process().put("terminal", true);
        return save();
    }

    /** Limits the container's memory and processes through its cgroups. */
    BusyboxBundle limits(long memoryBytes, long pids) throws IOException {
        ObjectNode linux = (ObjectNode) config.path("linux");
        ObjectNode resources = linux.path("resources").isObject() ? (ObjectNode) linux.get("resources")
                : linux.putObject("resources");
        resources.putObject("memory").put("limit", memoryBytes);
        resources.putObject("pids").put("limit", pids);
        return save();
    }

    /** Puts the container into {@code path} of every cgroup hierarchy ({@code linux.cgroupsPath}). */
    BusyboxBundle cgroup(String path) throws IOException {
        ((ObjectNode) config.path("linux")).put("cgroupsPath", path);
        return save();
    }

    /** Leaves the container in the host's pid namespace, so its process is not an init that ignores TERM. */
    BusyboxBundle withoutPidNamespace() throws IOException {
        ArrayNode namespaces = (ArrayNode) config.at("/linux/namespaces");
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            JsonNode namespace = namespaces.get(i);
            if ("pid".equals(namespace.path("type").asText())) {
                namespaces.remove(i);
            }
        }
        return save();
    }

    Path dir() {
        return dir;
    }

    Path rootfs() {
        return dir.resolve("rootfs");
    }

    private ObjectNode process() {
        return (ObjectNode) config.path("process");
    }

    private BusyboxBundle save() throws IOException {
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), config);
        return this;
    }
}
