package io.berth.runtime.oci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.berth.api.runtime.RuntimeNames;

/**
 * What distinguishes one runc-compatible CLI runtime from another.
 *
 * @param name              the runtime's name (a valid {@link RuntimeNames runtime name})
 * @param binaryCandidates  where to look for the binary, first existing wins
 * @param stateRoot         the runtime's private state directory ({@code --root}); Berth never touches
 *                          containers outside it
 * @param globalArgs        extra arguments placed before every subcommand
 * @param createWrapper     run {@code create} in a private mount namespace without the cgroup2
 *                          {@code unified} mount (crun on hybrid-cgroup hosts)
 * @param eventsStats       the binary has {@code events --stats}; otherwise statistics come from the cgroup
 *                          v1 files of the container
 * @param conmonCandidates  where to look for conmon, first existing wins
 */
public record OciCliProfile(String name, List<Path> binaryCandidates, Path stateRoot, List<String> globalArgs,
        boolean createWrapper, boolean eventsStats, List<Path> conmonCandidates) {

    /** Where conmon usually is. */
    public static final List<Path> CONMON_CANDIDATES = List.of(Path.of("/usr/local/bin/conmon"),
            Path.of("/usr/bin/conmon"), Path.of("/usr/libexec/podman/conmon"));

    public OciCliProfile {
        if (!RuntimeNames.isValid(name)) {
            throw new IllegalArgumentException("invalid runtime name: " + name);
        }
        if (stateRoot == null || !stateRoot.isAbsolute() || stateRoot.normalize().getFileName() == null) {
            throw new IllegalArgumentException("the state root must be an absolute path below /: " + stateRoot);
        }
        binaryCandidates = List.copyOf(binaryCandidates);
        globalArgs = globalArgs == null ? List.of() : List.copyOf(globalArgs);
        conmonCandidates = conmonCandidates == null ? CONMON_CANDIDATES : List.copyOf(conmonCandidates);
    }

    /** The usual binary locations for {@code binaryName}: /usr/local/sbin, /usr/local/bin, /usr/sbin, /usr/bin. */
    public static List<Path> standardLocations(String binaryName) {
        return List.of(Path.of("/usr/local/sbin", binaryName), Path.of("/usr/local/bin", binaryName),
                Path.of("/usr/sbin", binaryName), Path.of("/usr/bin", binaryName));
    }

    /** This profile with the binary fixed to {@code path}; unchanged for a blank path. */
    public OciCliProfile withBinary(String path) {
        return isBlank(path) ? this : new OciCliProfile(name, List.of(Path.of(path.trim())), stateRoot, globalArgs,
                createWrapper, eventsStats, conmonCandidates);
    }

    /** This profile with another state root; unchanged for a blank path. */
    public OciCliProfile withStateRoot(String path) {
        return isBlank(path) ? this : new OciCliProfile(name, binaryCandidates, Path.of(path.trim()), globalArgs,
                createWrapper, eventsStats, conmonCandidates);
    }

    /** This profile with conmon fixed to {@code path}; unchanged for a blank path. */
    public OciCliProfile withConmon(String path) {
        return isBlank(path) ? this : new OciCliProfile(name, binaryCandidates, stateRoot, globalArgs,
                createWrapper, eventsStats, List.of(Path.of(path.trim())));
    }

    /** This profile with {@code extra} appended to the global arguments (blank entries are dropped). */
    public OciCliProfile withExtraGlobalArgs(List<String> extra) {
        List<String> args = new ArrayList<>(globalArgs);
        extra.stream().filter(arg -> !isBlank(arg)).map(String::trim).forEach(args::add);
        return new OciCliProfile(name, binaryCandidates, stateRoot, args, createWrapper, eventsStats,
                conmonCandidates);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
