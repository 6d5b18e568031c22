package io.berth.runtime.oci.internal;

import java.nio.file.Path;

import io.berth.runtime.oci.OciCliProfile;

/**
 * Where a runtime keeps its files: the state root, and next to it (never inside it, where the runtime would
 * take it for a container) the create wrapper of profiles that need one: for the state root
 * {@code /run/berth/crun} the wrapper is {@code /run/berth/crun-wrapper.sh}. conmon's attach sockets live
 * in the bundle or session directory ({@code --full-attach}), so the runtime needs no socket directory.
 *
 * @param stateRoot the runtime's {@code --root}
 * @param wrapper   the create wrapper script
 */
record RuntimeLayout(Path stateRoot, Path wrapper) {

    static RuntimeLayout of(OciCliProfile profile) {
        Path root = profile.stateRoot().normalize();
        return new RuntimeLayout(root, root.resolveSibling(root.getFileName() + "-wrapper.sh"));
    }
}
