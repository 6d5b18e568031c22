package io.berth.core.internal.oci;

import java.util.ArrayList;
import java.util.List;

import io.berth.api.container.Mount;

/**
 * One entry of the OCI spec's {@code mounts}.
 *
 * @param destination path inside the container
 * @param type        file system type ({@code bind}, {@code tmpfs}, {@code proc}, ...)
 * @param source      host path or file system source
 * @param options     mount options
 */
record OciMount(String destination, String type, String source, List<String> options) {

    OciMount {
        options = List.copyOf(options);
    }

    /** The OCI form of a bind or tmpfs mount of the container spec (volumes are resolved to binds before). */
    static OciMount of(Mount mount) {
        List<String> options = new ArrayList<>();
        if (mount.type() == Mount.Type.TMPFS) {
            options.addAll(List.of("nosuid", "nodev", "noexec"));
            options.add(mount.readOnly() ? "ro" : "rw");
            return new OciMount(mount.target(), "tmpfs", "tmpfs", options);
        }
        options.addAll(List.of("rbind", "rprivate"));
        options.add(mount.readOnly() ? "ro" : "rw");
        return new OciMount(mount.target(), "bind", mount.source(), options);
    }
}
