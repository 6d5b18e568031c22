package io.berth.core.internal.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.container.ContainerSpec;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.store.Json;

/**
 * Writes a container's OCI bundle spec ({@code bundle/config.json}, runtime-spec 1.0.2) the way Docker builds
 * it — process ({@link OciProcessSection}), root, hostname, mounts ({@link OciMounts}) and the Linux section
 * ({@link OciLinuxSection}) — limited to what the engine itself may grant (capabilities, file limit).
 * Immutable and thread-safe.
 */
public final class OciSpecWriter {

    /** The spec file name inside the bundle. */
    public static final String CONFIG_JSON = "config.json";

    private final HostEnvironment host;
    private final String cgroupParent;

    /**
     * @param host         the engine's host: capability bounding set, file limit
     * @param cgroupParent the cgroup under which containers get theirs ({@code /berth})
     */
    public OciSpecWriter(HostEnvironment host, String cgroupParent) {
        this.host = host;
        this.cgroupParent = cgroupParent;
    }

    /**
     * Writes the spec atomically into {@code bundleDir}, creating the directory. Not fsynced
     * ({@link DerivedFiles}): it is written anew at every start.
     */
    public void write(Path bundleDir, BundleInputs in) throws IOException {
        ObjectNode spec = build(in);
        Files.createDirectories(bundleDir);
        DerivedFiles.replace(bundleDir.resolve(CONFIG_JSON), Json.mapper().writeValueAsBytes(spec));
    }

    /**
     * The spec as a JSON tree.
     *
     * @throws io.berth.api.error.InvalidArgumentException for an unknown capability or a missing bind source
     */
    public ObjectNode build(BundleInputs in) {
        ObjectNode spec = Json.mapper().createObjectNode();
        spec.put("ociVersion", OciDefaults.OCI_VERSION);
        spec.set("process", OciProcessSection.build(in, host));
        ObjectNode root = spec.putObject("root");
        root.put("path", in.rootfs().toAbsolutePath().toString());
        root.put("readonly", in.record().spec().security().readOnlyRootfs());
        spec.put("hostname", in.record().spec().hostname());
        spec.set("mounts", OciMounts.build(in));
        spec.set("linux", OciLinuxSection.build(in.record().id(), in.record().spec(), cgroupParent));
        return spec;
    }

    /**
     * The environment of a process started in the container later ({@code exec}): Docker's base variables
     * for the exec's terminal setting, the container's variables, the exec's own, {@code HOME} for its user.
     */
    public static List<String> execEnvironment(ContainerSpec container, boolean tty,
            List<String> execEnv, ProcessUser user) {
        ContainerSpec merged = container.toBuilder()
                .env(EnvVars.merge(container.env(), execEnv)).build();
        return OciProcessSection.environment(merged, tty, user);
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
