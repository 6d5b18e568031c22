package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.common.host.MountTable;
import io.berth.nativeio.internal.linux.LinuxNative;
import io.berth.runtime.oci.OciCliProfile;

/**
 * Real containers for root tests: a runtime for a profile under a test state root, busybox bundles in a temp
 * directory, unique {@code berthtest-} ids, and {@link #cleanUp()} force-deleting every container created.
 */
final class RootFixture {

    static final OciCliProfile RUNC = new OciCliProfile("runc", OciCliProfile.standardLocations("runc"),
            Path.of("/run/berth-test/runc"), List.of(), false, true, null);
    static final OciCliProfile CRUN = new OciCliProfile("crun", OciCliProfile.standardLocations("crun"),
            Path.of("/run/berth-test/crun"), List.of(), true, false, null);

    final OciRuntime runtime;
    private final Path dir;
    private final List<String> created = new ArrayList<>();

    private RootFixture(OciRuntime runtime, Path dir) {
        this.runtime = runtime;
        this.dir = dir;
    }

    /** Skips (or on CI fails) without root, the profile's binary, conmon, busybox or runc (for {@code spec}). */
    static RootFixture open(OciCliProfile profile, Path dir) {
        Requirements.assumeRootAnd(List.of(profile.binaryCandidates(), profile.conmonCandidates(),
                List.of(BusyboxBundle.HOST_BUSYBOX), OciCliProfile.standardLocations("runc")));
        LinuxNative natives = new LinuxNative();
        return new RootFixture(new OciDriver(natives, natives, natives).runtime(profile), dir);
    }

    /** A fixture for a runtime built elsewhere (the caller has checked the requirements). */
    static RootFixture around(OciRuntime runtime, Path dir) {
        return new RootFixture(runtime, dir);
    }

    void cleanUp() {
        for (String id : created) {
            try {
                runtime.delete(id, true);
            } catch (RuntimeException e) {
                System.err.println("cleanup of " + id + " failed: " + e.getMessage());
            }
        }
    }

    /**
     * Removes {@code parent/child} and then {@code parent} from every cgroup v1 hierarchy and the v2 one, waiting
     * (up to 10 s) for the processes still in them to end; what cannot be removed is reported, not thrown.
     */
    static void removeCgroups(String parent, String child) {
        for (MountTable.Entry mount : MountTable.read().entries()) {
            if (!mount.fsType().startsWith("cgroup")) {
                continue;
            }
            Path top = mount.mountPoint().resolve(parent.substring(1));
            for (Path cgroup : List.of(top.resolve(child), top)) {
                try {
                    Await.until("removable " + cgroup, () -> removed(cgroup));
                } catch (AssertionError e) {
                    System.err.println("cannot remove " + cgroup + ": " + e.getMessage());
                }
            }
        }
    }

    private static boolean removed(Path cgroup) {
        try {
            Files.deleteIfExists(cgroup);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String newId() {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        String id = "berthtest-" + HexFormat.of().formatHex(random);
        created.add(id);
        return id;
    }

    BusyboxBundle bundle(List<String> args) throws Exception {
        return BusyboxBundle.create(Files.createTempDirectory(dir, "bundle"), args);
    }

    /**
     * A bundle as deep as the engine's ({@code containers/<64 hex>/bundle}): its attach socket path is longer
     * than the 107 bytes a socket address holds.
     */
    BusyboxBundle deepBundle(List<String> args) throws Exception {
        Path parent = Files.createTempDirectory(dir, "containers");
        Path bundle = parent.resolve("0123456789abcdef".repeat(4)).resolve("bundle");
        return BusyboxBundle.create(Files.createDirectories(bundle), args);
    }

    RuntimeCreateRequest request(String id, BusyboxBundle bundle, boolean terminal, boolean openStdin) {
        Path path = bundle.dir();
        return new RuntimeCreateRequest(id, path, path.resolve("ctr.log"), path.resolve("exits"), terminal,
                openStdin);
    }

    ProcessFiles create(BusyboxBundle bundle, boolean terminal, boolean openStdin) {
        RuntimeCreateRequest request = request(newId(), bundle, terminal, openStdin);
        runtime.create(request);
        return new ProcessFiles(request.id(), request.logPath(), request.exitDir());
    }

    /** Creates and starts a container running {@code args}. */
    ProcessFiles run(List<String> args, boolean openStdin) throws Exception {
        ProcessFiles container = create(bundle(args), false, openStdin);
        runtime.start(container.id());
        return container;
    }

    /** A request for an exec session with a directory of its own under the temp dir. */
    RuntimeExecRequest execRequest(List<String> args, List<String> env, String cwd, int uid, boolean terminal,
            boolean openStdin) throws Exception {
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        String execId = HexFormat.of().formatHex(random);
        Path session = Files.createDirectories(dir.resolve("exec-" + execId.substring(0, 12)));
        return new RuntimeExecRequest(execId, args, env, cwd, uid, uid, terminal, openStdin, session,
                session.resolve("exec.log"), session.resolve("exits"));
    }

    /** Starts an exec session in the container; returns as soon as the runtime does. */
    ProcessFiles exec(ProcessFiles container, RuntimeExecRequest request) {
        runtime.exec(container.id(), request);
        return new ProcessFiles(container.id(), request.logPath(), request.exitDir());
    }
}
