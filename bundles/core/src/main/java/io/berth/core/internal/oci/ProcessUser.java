package io.berth.core.internal.oci;

import java.util.List;

/**
 * The numeric identity a container process runs with, resolved from Docker's {@code user[:group]}.
 *
 * @param uid            user id
 * @param gid            primary group id
 * @param additionalGids supplementary groups (the user's memberships in {@code /etc/group})
 * @param home           home directory from {@code /etc/passwd}, {@code /} without an entry
 */
public record ProcessUser(int uid, int gid, List<Integer> additionalGids, String home) {

    /** root without a passwd entry. */
    public static final ProcessUser ROOT = new ProcessUser(0, 0, List.of(), "/");

    public ProcessUser {
        additionalGids = List.copyOf(additionalGids);
        home = home == null || home.isEmpty() ? "/" : home;
    }
}
