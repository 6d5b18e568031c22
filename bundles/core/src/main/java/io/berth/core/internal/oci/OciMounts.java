package io.berth.core.internal.oci;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.container.Mount;
import io.berth.api.container.SecurityOptions;
import io.berth.api.error.InvalidArgumentException;
import io.berth.core.internal.store.Json;

/**
 * The {@code mounts} of the OCI spec, in Docker's order: the default file systems (sysfs and cgroup
 * read-write for privileged containers), the {@code /etc} files, then the user's mounts, shallowest target
 * first. A user mount replaces a default or {@code /etc} file at the same target. Stateless.
 */
final class OciMounts {

    private OciMounts() {
    }

    /** @throws InvalidArgumentException when a bind mount's source no longer exists */
    static ArrayNode build(BundleInputs in) {
        SecurityOptions security = in.record().spec().security();
        Set<String> userTargets = in.mounts().stream().map(Mount::target).collect(Collectors.toSet());
        List<OciMount> all = new ArrayList<>();
        for (OciMount mount : OciDefaults.MOUNTS) {
            if (!userTargets.contains(mount.destination())) {
                all.add(security.privileged() ? writable(mount) : mount);
            }
        }
        for (OciMount mount : etcMounts(in.etcFiles(), security.readOnlyRootfs())) {
            if (!userTargets.contains(mount.destination())) {
                all.add(mount);
            }
        }
        in.mounts().stream()
                .sorted(Comparator.comparingLong(m -> m.target().chars().filter(c -> c == '/').count()))
                .map(OciMounts::userMount)
                .forEach(all::add);
        ArrayNode array = Json.mapper().createArrayNode();
        all.forEach(mount -> write(array.addObject(), mount));
        return array;
    }

    private static List<OciMount> etcMounts(EtcFiles files, boolean readOnly) {
        String mode = readOnly ? "ro" : "rw";
        return List.of(
                new OciMount("/etc/resolv.conf", "bind", path(files.resolvConf()), List.of("rbind", "rprivate", mode)),
                new OciMount("/etc/hostname", "bind", path(files.hostname()), List.of("rbind", "rprivate", mode)),
                new OciMount("/etc/hosts", "bind", path(files.hosts()), List.of("rbind", "rprivate", mode)));
    }

    private static OciMount userMount(Mount mount) {
        if (mount.type() == Mount.Type.BIND && !Files.exists(Path.of(mount.source()))) {
            throw new InvalidArgumentException(
                    "invalid mount config for type \"bind\": bind source path does not exist: " + mount.source());
        }
        return OciMount.of(mount);
    }

    /** The mount without {@code ro}: privileged containers may write sysfs and cgroups. */
    private static OciMount writable(OciMount mount) {
        if (!mount.options().contains("ro")) {
            return mount;
        }
        List<String> options = mount.options().stream().map(o -> o.equals("ro") ? "rw" : o).toList();
        return new OciMount(mount.destination(), mount.type(), mount.source(), options);
    }

    private static void write(ObjectNode node, OciMount mount) {
        node.put("destination", mount.destination());
        node.put("type", mount.type());
        node.put("source", mount.source());
        OciSpecWriter.strings(node.putArray("options"), mount.options());
    }

    private static String path(Path file) {
        return file.toAbsolutePath().toString();
    }
}
