package io.berth.core.internal.oci;

import java.nio.file.Path;
import java.util.List;

import io.berth.api.container.Mount;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Everything one container's {@code config.json} is built from, resolved by the engine beforehand.
 *
 * @param record   the container (its effective spec)
 * @param rootfs   the prepared root filesystem
 * @param mounts   the spec's mounts with volumes already turned into bind mounts of their directories
 * @param user     the resolved process user
 * @param etcFiles the container's hostname, hosts and resolv.conf files on the host
 */
public record BundleInputs(ContainerRecord record, Path rootfs, List<Mount> mounts, ProcessUser user,
        EtcFiles etcFiles) {

    public BundleInputs {
        mounts = List.copyOf(mounts);
    }
}
