package io.berth.nativeio.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.berth.nativeio.ErrnoException;

class LinuxNetworkNamespacesTest {

    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final Path IP = Path.of("/usr/sbin/ip");
    private static final Path NSENTER = Path.of("/usr/bin/nsenter");

    private final LinuxNative natives = new LinuxNative();
    private Process holder;

    @AfterEach
    void stopHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void ifreqHoldsTheNameAndTheFlags() {
        byte[] request = LinuxNetworkNamespaces.ifreq("lo");
        assertThat(request).hasSize(LinuxNetworkNamespaces.IFREQ_SIZE);
        assertThat(new String(request, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("lo");
        assertThat(request[2]).isZero();
        LinuxNetworkNamespaces.setFlags(request, (short) 0x49);
        assertThat(LinuxNetworkNamespaces.flagsOf(request)).isEqualTo((short) 0x49);
        assertThat(new String(request, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("lo");
    }

    @Test
    void refusesNamesTheKernelWouldTruncate() {
        assertThatThrownBy(() -> LinuxNetworkNamespaces.ifreq("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinuxNetworkNamespaces.ifreq("a-name-of-16-chr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a network interface name");
        assertThat(LinuxNetworkNamespaces.ifreq("a-name-of-15-ch")).hasSize(LinuxNetworkNamespaces.IFREQ_SIZE);
    }

    @Test
    void bringsLoopbackUpInANewNamespace() throws Exception {
        Path netns = newNamespace();
        String callers = readLink(Path.of("/proc/thread-self/ns/net"));
        assertThat(natives.isUp(netns, "lo")).isFalse();
        assertThat(natives.bringUp(netns, "lo")).isTrue();
        assertThat(natives.isUp(netns, "lo")).isTrue();
        assertThat(natives.bringUp(netns, "lo")).isFalse();
        if (Files.isExecutable(IP) && Files.isExecutable(NSENTER)) {
            assertThat(run(NSENTER.toString(), "--net=" + netns, IP.toString(), "-o", "link", "show", "lo"))
                    .contains("<LOOPBACK,UP");
        }
        assertThat(readLink(Path.of("/proc/thread-self/ns/net"))).as("the caller's namespace").isEqualTo(callers);
    }

    @Test
    void unknownInterfaceIsNoSuchDevice() throws Exception {
        Path netns = newNamespace();
        assertThatThrownBy(() -> natives.bringUp(netns, "eth7"))
                .isInstanceOfSatisfying(ErrnoException.class,
                        e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENODEV))
                .hasMessageContaining("eth7").hasMessageContaining("No such device");
    }

    @Test
    void missingNamespaceIsNoSuchFile() {
        RootRequirement.assumeRoot();
        Path missing = Path.of("/proc/self/ns/no-such-namespace");
        assertThatThrownBy(() -> natives.isUp(missing, "lo"))
                .isInstanceOfSatisfying(ErrnoException.class,
                        e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOENT))
                .hasMessageContaining(missing.toString());
    }

    /** A process in a network namespace of its own; returns the namespace's file once it exists. */
    private Path newNamespace() throws IOException {
        RootRequirement.assumeRoot();
        RootRequirement.assumeExecutable(UNSHARE);
        holder = new ProcessBuilder(UNSHARE.toString(), "--net", "sleep", "60").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path netns = Path.of("/proc", Long.toString(holder.pid()), "ns", "net");
        String own = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (own.equals(readLink(netns))) {
            if (System.nanoTime() > deadline || !holder.isAlive()) {
                fail("unshare --net did not create a namespace");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return netns;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }
}
