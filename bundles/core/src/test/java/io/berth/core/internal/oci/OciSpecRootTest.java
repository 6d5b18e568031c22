package io.berth.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.Mount;
import io.berth.api.container.Resources;
import io.berth.api.container.SecurityOptions;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.testing.RootRequirement;

/**
 * Runs the engine's config.json with the real runc and crun (root only): the user, capabilities, read-only
 * root, /etc files, bind mount, limits and environment must be what the spec says. State roots, cgroup
 * parent and bundles are the test's own and are removed afterwards.
 */
class OciSpecRootTest {

    private static final List<Path> RUNC = List.of(Path.of("/usr/sbin/runc"), Path.of("/usr/bin/runc"));
    private static final List<Path> CRUN = List.of(Path.of("/usr/bin/crun"), Path.of("/usr/local/bin/crun"));
    private static final List<Path> UNSHARE = List.of(Path.of("/usr/bin/unshare"), Path.of("/bin/unshare"));
    private static final List<Path> BUSYBOX = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));
    private static final String CGROUP_PARENT = "/berth-test-core";
    private static final Path STATE = Path.of("/run/berth-test/core");
    private static final List<String> APPLETS = List.of("sh", "id", "cat", "grep", "touch", "echo", "pwd",
            "hostname");

    @TempDir
    Path tmp;

    private final List<String> ids = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException, InterruptedException {
        for (String id : ids) {
            for (String runtime : List.of("runc", "crun")) {
                run(List.of(runtime, "--root", STATE.resolve(runtime).toString(), "delete", "-f", id),
                        tmp.resolve("x"));
            }
        }
        for (String runtime : List.of("runc", "crun")) {
            deleteEmptyDir(STATE.resolve(runtime));
        }
        deleteEmptyDir(STATE);
        try (var controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path controller : controllers.toList()) {
                Path parent = controller.resolve(CGROUP_PARENT.substring(1));
                for (String id : ids) {
                    Files.deleteIfExists(parent.resolve(id));
                }
                Files.deleteIfExists(parent);
            }
        } catch (IOException e) {
            // not a cgroup v1 host; nothing created there
        }
    }

    private static void deleteEmptyDir(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmptyOrBusy) {
            // leave it: something else is in there
        }
    }

    @Test
    void runcRunsTheSpecAsWritten() throws Exception {
        Path runc = RootRequirement.assumeRootAnd(List.of(RUNC, BUSYBOX)).get(0);
        checkRuntime(List.of(runc.toString(), "--root", STATE.resolve("runc").toString()));
    }

    @Test
    void crunRunsTheSpecAsWritten() throws Exception {
        List<Path> found = RootRequirement.assumeRootAnd(List.of(CRUN, UNSHARE, BUSYBOX));
        checkRuntime(List.of(found.get(1).toString(), "-m", "--propagation", "private", "sh", "-c",
                "umount /sys/fs/cgroup/unified 2>/dev/null; exec \"$@\"", "crun", found.get(0).toString(), "--root",
                STATE.resolve("crun").toString()));
    }

    private void checkRuntime(List<String> runtime) throws Exception {
        Path rootfs = rootfs();
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("marker"), "from-host\n");
        ContainerSpec spec = ContainerSpec.builder("busybox").hostname("coretest").workingDir("/data")
                .env(List.of("PATH=/bin", "FOO=bar"))
                .cmd("sh", "-c", "id; hostname; cat /etc/hostname;"
                        + " grep -E '^Cap(Eff|Bnd)|NoNewPrivs' /proc/self/status;"
                        + " echo FOO=$FOO HOME=$HOME; pwd; cat marker; touch /x 2>/dev/null || echo rootfs-ro;"
                        + " touch /data/y 2>/dev/null || echo data-ro; grep -c localhost /etc/hosts;"
                        + " echo x >/dev/null && echo null-ok;"
                        + " cat /sys/fs/cgroup/memory/memory.limit_in_bytes; cat /sys/fs/cgroup/pids/pids.max")
                .mounts(List.of(new Mount(Mount.Type.BIND, data.toString(), "/data", true)))
                .resources(new Resources(64L << 20, 0, 0, 0, 0, 50))
                .security(new SecurityOptions(true, false, true, List.of("NET_ADMIN"), List.of("chown"))).build();

        String out = runContainer(runtime, rootfs, spec, UserResolver.resolve(rootfs, spec.user()));

        long expectedCaps = 0;
        for (String cap : Capabilities.resolve(spec.security(), -1)) {
            expectedCaps |= 1L << Capabilities.ALL.indexOf(cap);
        }
        String caps = String.format("%016x", expectedCaps);
        assertThat(out).contains("uid=0(root) gid=0(root)", "\ncoretest\ncoretest\n", "CapEff:\t" + caps,
                "CapBnd:\t" + caps, "NoNewPrivs:\t1", "FOO=bar HOME=/root", "\n/data\n", "from-host", "rootfs-ro",
                "data-ro", "null-ok", "\n67108864\n", "\n50\n");

        ContainerSpec asApp = ContainerSpec.builder("busybox").hostname("coretest").user("app")
                .env(List.of("PATH=/bin")).cmd("sh", "-c", "id; echo HOME=$HOME; touch /tmp/ok && echo writable")
                .build();
        String appOut = runContainer(runtime, rootfs, asApp, UserResolver.resolve(rootfs, "app"));

        assertThat(appOut).contains("uid=1000(app) gid=1000(app) groups=10(wheel)", "HOME=/home/app", "writable");
    }

    private String runContainer(List<String> runtime, Path rootfs, ContainerSpec spec, ProcessUser user)
            throws IOException, InterruptedException {
        String id = "berth-core-test-" + ids.size() + "-" + ProcessHandle.current().pid();
        ids.add(id);
        Path containerDir = Files.createDirectories(tmp.resolve(id));
        EtcFiles etc = EtcFiles.in(containerDir);
        HostEnvironment host = HostEnvironment.current();
        etc.write(spec, host);
        ContainerRecord record = new ContainerRecord(id, "n", Instant.now(), "busybox", "sha256:x", "runc", spec,
                new ContainerState(ContainerStatus.CREATED, 0, 0, "", false, null, null), 0, false, null);
        Path bundle = containerDir.resolve("bundle");
        new OciSpecWriter(host, CGROUP_PARENT).write(bundle,
                new BundleInputs(record, rootfs, spec.mounts(), user, etc));
        List<String> command = new ArrayList<>(runtime);
        command.addAll(List.of("run", "--bundle", bundle.toString(), id));
        Path output = containerDir.resolve("output");
        int code = run(command, output);
        String out = Files.readString(output);
        assertThat(code).as(out).isZero();
        return out;
    }

    private Path rootfs() throws IOException {
        Path rootfs = tmp.resolve("rootfs");
        if (Files.isDirectory(rootfs)) {
            return rootfs;
        }
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Path busybox = BUSYBOX.stream().filter(Files::isExecutable).findFirst().orElseThrow();
        Files.copy(busybox, bin.resolve("busybox"));
        for (String applet : APPLETS) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createDirectories(rootfs.resolve("tmp"));
        Files.writeString(rootfs.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nwheel:x:10:app\napp:x:1000:\n");
        Files.setPosixFilePermissions(rootfs.resolve("tmp"), java.nio.file.attribute.PosixFilePermissions
                .fromString("rwxrwxrwx"));
        return rootfs;
    }

    private static int run(List<String> command, Path output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return process.exitValue();
    }
}
