package io.berth.core.internal.oci;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.core.internal.oci.UserDatabase.Group;
import io.berth.core.internal.oci.UserDatabase.User;

/**
 * Resolves Docker's {@code user}, {@code uid}, {@code user:group} and {@code uid:gid} against the root
 * filesystem's {@code /etc/passwd} and {@code /etc/group}, with runc's rules (libcontainer
 * {@code GetExecUser}): a number is always an id and needs no entry; a name must have one; without an
 * explicit group, the user's entry gives the primary group and {@code /etc/group} the supplementary ones;
 * an explicit group gives the primary group and no supplementary ones. An empty spec is uid 0. Files are read
 * inside the root filesystem only ({@link RootfsFiles}). Stateless.
 */
public final class UserResolver {

    private UserResolver() {
    }

    /**
     * The identity for {@code spec} in {@code rootfs}.
     *
     * @param rootfs the container's root filesystem; {@code null} when there is none to read (no entries)
     * @throws InvalidArgumentException {@code unable to find user NAME: no matching entries in passwd file}
     *                                  (or group), or an id out of range
     */
    public static ProcessUser resolve(Path rootfs, String spec) {
        String text = spec == null ? "" : spec.strip();
        int colon = text.indexOf(':');
        String userArg = colon < 0 ? text : text.substring(0, colon);
        String groupArg = colon < 0 ? "" : text.substring(colon + 1);
        List<User> users = UserDatabase.parsePasswd(read(rootfs, "/etc/passwd"));
        int uidArg = userArg.isEmpty() ? 0 : numeric(userArg);
        Predicate<User> match = uidArg >= 0 ? u -> u.uid() == uidArg : u -> u.name().equals(userArg);
        Optional<User> user = users.stream().filter(match).findFirst();
        if (user.isEmpty() && uidArg < 0) {
            throw new InvalidArgumentException(
                    "unable to find user " + userArg + ": no matching entries in passwd file");
        }
        int uid = user.map(User::uid).orElse(uidArg);
        int gid = user.map(User::gid).orElse(0);
        String home = user.map(User::home).orElse("/");
        if (groupArg.isEmpty()) {
            return new ProcessUser(uid, gid, memberships(rootfs, user), home);
        }
        return new ProcessUser(uid, group(rootfs, groupArg), List.of(), home);
    }

    /** The gids of the groups listing the user as a member, in file order. */
    private static List<Integer> memberships(Path rootfs, Optional<User> user) {
        if (user.isEmpty()) {
            return List.of();
        }
        String name = user.get().name();
        return UserDatabase.parseGroup(read(rootfs, "/etc/group")).stream()
                .filter(g -> g.members().contains(name))
                .map(Group::gid)
                .distinct()
                .toList();
    }

    private static int group(Path rootfs, String groupArg) {
        int gidArg = numeric(groupArg);
        Predicate<Group> match = gidArg >= 0 ? g -> g.gid() == gidArg : g -> g.name().equals(groupArg);
        Optional<Group> group = UserDatabase.parseGroup(read(rootfs, "/etc/group")).stream().filter(match)
                .findFirst();
        if (group.isEmpty() && gidArg < 0) {
            throw new InvalidArgumentException(
                    "unable to find group " + groupArg + ": no matching entries in group file");
        }
        return group.map(Group::gid).orElse(gidArg);
    }

    /** The id a text names if it is a number, -1 if it is a name. @throws InvalidArgumentException out of range */
    private static int numeric(String text) {
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int id = text.startsWith("-") ? -1 : UserDatabase.id(text);
        if (id < 0) {
            throw new InvalidArgumentException("uids and gids must be in range 0-" + UserDatabase.MAX_ID);
        }
        return id;
    }

    private static String read(Path rootfs, String path) {
        if (rootfs == null) {
            return "";
        }
        try {
            return RootfsFiles.readText(rootfs, path).orElse("");
        } catch (IOException e) {
            throw new BerthException("cannot read " + path + " of the container: " + e.getMessage(), e);
        }
    }
}
