package io.berth.core.internal.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.Mount;
import io.berth.core.internal.store.AtomicFiles;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.store.Json;

/**
 * Writes a container's OCI bundle spec ({@code bundle/config.json}, runtime-spec 1.0.2) with Docker's
 * defaults: capabilities, rlimits, mounts, namespaces, masked and read-only paths. Stateless and thread-safe.
 */
public final class OciSpecWriter {

    /** The spec file name inside the bundle. */
    public static final String CONFIG_JSON = "config.json";

    /** Writes the spec atomically into {@code bundleDir}, creating the directory. */
    public void write(Path bundleDir, ContainerRecord record, Path rootfs, List<Mount> mounts) throws IOException {
        Files.createDirectories(bundleDir);
        byte[] json = Json.mapper().writeValueAsBytes(build(record, rootfs, mounts));
        AtomicFiles.write(bundleDir.resolve(CONFIG_JSON), json);
    }

    /**
     * The spec as a JSON tree.
     *
     * @param mounts the container's mounts with volumes already resolved to bind mounts
     */
    public ObjectNode build(ContainerRecord record, Path rootfs, List<Mount> mounts) {
        ObjectNode spec = Json.mapper().createObjectNode();
        spec.put("ociVersion", OciDefaults.OCI_VERSION);
        spec.set("process", process(record));
        ObjectNode root = spec.putObject("root");
        root.put("path", rootfs.toAbsolutePath().toString());
        root.put("readonly", false);
        spec.put("hostname", record.spec().hostname());
        spec.set("mounts", mounts(mounts));
        spec.set("linux", OciLinuxSection.build(record.spec()));
        return spec;
    }

    private ObjectNode process(ContainerRecord record) {
        ContainerSpec spec = record.spec();
        ObjectNode process = Json.mapper().createObjectNode();
        process.put("terminal", spec.tty());
        OciUser user = OciUser.parse(spec.user());
        ObjectNode userNode = process.putObject("user");
        userNode.put("uid", user.uid());
        userNode.put("gid", user.gid());
        strings(process.putArray("args"), record.command());
        strings(process.putArray("env"), environment(spec));
        process.put("cwd", spec.workingDir() == null || spec.workingDir().isEmpty() ? "/" : spec.workingDir());
        ObjectNode caps = process.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(caps.putArray(set), OciDefaults.CAPABILITIES);
        }
        ObjectNode nofile = process.putArray("rlimits").addObject();
        nofile.put("type", "RLIMIT_NOFILE");
        nofile.put("hard", OciDefaults.NOFILE_LIMIT);
        nofile.put("soft", OciDefaults.NOFILE_LIMIT);
        process.put("noNewPrivileges", false);
        return process;
    }

    /** Docker's process environment: HOSTNAME (and TERM with a tty), then the container's own. */
    static List<String> environment(ContainerSpec spec) {
        List<String> base = new ArrayList<>();
        base.add("HOSTNAME=" + spec.hostname());
        if (spec.tty()) {
            base.add("TERM=xterm");
        }
        return EnvVars.merge(base, EnvVars.withDefaultPath(spec.env()));
    }

    /** Docker's default mounts, except where the user mounts something at the same place, then the user's. */
    private ArrayNode mounts(List<Mount> userMounts) {
        Set<String> userTargets = userMounts.stream().map(Mount::target).collect(Collectors.toSet());
        List<OciMount> all = new ArrayList<>();
        OciDefaults.MOUNTS.stream().filter(m -> !userTargets.contains(m.destination())).forEach(all::add);
        userMounts.stream().map(OciMount::of).forEach(all::add);
        ArrayNode array = Json.mapper().createArrayNode();
        for (OciMount mount : all) {
            ObjectNode node = array.addObject();
            node.put("destination", mount.destination());
            node.put("type", mount.type());
            node.put("source", mount.source());
            strings(node.putArray("options"), mount.options());
        }
        return array;
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
