package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.BerthException;
import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.NetworkNamespaces;

class LoopbackTest {

    private final List<String> calls = new ArrayList<>();

    @TempDir
    Path proc;

    @Test
    void onlyANewNetworkNamespaceIsOurs() {
        assertThat(Loopback.ownsNetworkNamespace(config("[{\"type\":\"pid\"},{\"type\":\"network\"}]"))).isTrue();
        assertThat(Loopback.ownsNetworkNamespace(config("[{\"type\":\"network\",\"path\":\"\"}]"))).isTrue();
        assertThat(Loopback.ownsNetworkNamespace(config("[{\"type\":\"network\",\"path\":\"/run/netns/x\"}]")))
                .isFalse();
        assertThat(Loopback.ownsNetworkNamespace(config("[{\"type\":\"pid\"}]"))).isFalse();
        assertThat(Loopback.ownsNetworkNamespace(Json.parse("{}", "config"))).isFalse();
    }

    @Test
    void bringsLoUpInTheProcesssNamespace() {
        new Loopback(recording(null), proc).ensureUp("c1", config("[{\"type\":\"network\"}]"), 4242);
        assertThat(calls).containsExactly("bringUp " + proc.resolve("4242/ns/net") + " lo");
    }

    @Test
    void loUpInTheContainersSysfsNeedsNoNamespaceEntry() throws IOException {
        loFlags(4242, "0x9\n");
        new Loopback(recording(null), proc).ensureUp("c1", config("[{\"type\":\"network\"}]"), 4242);
        assertThat(calls).isEmpty();
    }

    @Test
    void loDownOrUnreadableInTheContainersSysfsIsBroughtUpInItsNamespace() throws IOException {
        loFlags(7, "0x8\n");
        loFlags(8, "garbage");
        for (int pid : new int[] {7, 8, 9}) {
            new Loopback(recording(null), proc).ensureUp("c1", config("[{\"type\":\"network\"}]"), pid);
        }
        assertThat(calls).containsExactly("bringUp " + proc.resolve("7/ns/net") + " lo",
                "bringUp " + proc.resolve("8/ns/net") + " lo", "bringUp " + proc.resolve("9/ns/net") + " lo");
    }

    @Test
    void hostNetworkIsLeftAlone() {
        new Loopback(recording(null), proc).ensureUp("c1", config("[{\"type\":\"mount\"}]"), 4242);
        assertThat(calls).isEmpty();
    }

    @Test
    void failureNamesTheContainerAndTheCause() {
        Loopback loopback = new Loopback(recording(new ErrnoException("enter the network namespace: "
                + "Operation not permitted", ErrnoException.EPERM)), proc);
        assertThatThrownBy(() -> loopback.ensureUp("c1", config("[{\"type\":\"network\"}]"), 7))
                .isInstanceOf(BerthException.class)
                .hasMessage("cannot bring the loopback interface of container c1 up: enter the network namespace: "
                        + "Operation not permitted");
    }

    private void loFlags(int pid, String flags) throws IOException {
        Path file = proc.resolve(pid + "/root/sys/class/net/lo/flags");
        Files.createDirectories(file.getParent());
        Files.writeString(file, flags);
    }

    private static com.fasterxml.jackson.databind.JsonNode config(String namespaces) {
        return Json.parse("{\"linux\":{\"namespaces\":" + namespaces + "}}", "config");
    }

    private NetworkNamespaces recording(IOException failure) {
        return new NetworkNamespaces() {
            @Override
            public boolean isUp(Path netns, String interfaceName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean bringUp(Path netns, String interfaceName) throws IOException {
                calls.add("bringUp " + netns + " " + interfaceName);
                if (failure != null) {
                    throw failure;
                }
                return true;
            }
        };
    }
}
