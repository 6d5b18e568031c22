package io.berth.api.container;

import java.util.List;

/**
 * Security settings of a container, after Docker's {@code HostConfig}.
 *
 * @param readOnlyRootfs  mount the root filesystem read-only
 * @param privileged      every capability the engine itself holds, no masked paths
 * @param noNewPrivileges the process cannot gain privileges (setuid binaries have no effect)
 * @param capAdd          capabilities added to Docker's default set ({@code NET_ADMIN} or {@code CAP_NET_ADMIN};
 *                        {@code ALL} for all)
 * @param capDrop         capabilities removed from it ({@code ALL} for all)
 */
public record SecurityOptions(boolean readOnlyRootfs, boolean privileged, boolean noNewPrivileges,
        List<String> capAdd, List<String> capDrop) {

    public SecurityOptions {
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
    }

    /** Docker's defaults. */
    public static final SecurityOptions DEFAULT = new SecurityOptions(false, false, false, null, null);
}
