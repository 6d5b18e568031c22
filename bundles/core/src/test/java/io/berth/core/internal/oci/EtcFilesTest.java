package io.berth.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.ContainerSpec;
import io.berth.core.internal.host.HostEnvironment;

class EtcFilesTest {

    @TempDir
    Path dir;

    @Test
    void isolatedContainersGetLoopbackHostsAndTheHostsResolver() throws IOException {
        HostEnvironment host = host("127.0.0.1 localhost\n10.0.0.1 hostonly\n", "nameserver 10.255.255.53\n");
        EtcFiles files = EtcFiles.in(dir.resolve("ctr"));

        files.write(ContainerSpec.builder("i").hostname("web1").networkMode("none").build(), host);

        assertThat(files.hostname()).hasContent("web1");
        assertThat(Files.readString(files.hosts())).startsWith("127.0.0.1\tlocalhost\n")
                .contains("::1\tlocalhost ip6-localhost ip6-loopback\n").endsWith("127.0.1.1\tweb1\n")
                .doesNotContain("hostonly");
        assertThat(files.resolvConf()).hasContent("nameserver 10.255.255.53");
    }

    @Test
    void hostNetworkingCopiesTheHostsHostsFile() throws IOException {
        HostEnvironment host = host("127.0.0.1 localhost\n10.0.0.1 hostonly\n", "nameserver 1.1.1.1\n");
        EtcFiles files = EtcFiles.in(dir.resolve("ctr"));

        files.write(ContainerSpec.builder("i").hostname("vm").networkMode("host").build(), host);

        assertThat(files.hosts()).hasContent("127.0.0.1 localhost\n10.0.0.1 hostonly");
        assertThat(files.hostname()).hasContent("vm");
    }

    @Test
    void missingHostFilesGiveDefaults() throws IOException {
        HostEnvironment host = new HostEnvironment("h", -1, 1024, dir.resolve("no-hosts"), dir.resolve("no-resolv"),
                dir);
        EtcFiles files = EtcFiles.in(dir.resolve("ctr"));

        files.write(ContainerSpec.builder("i").hostname("x").networkMode("host").build(), host);

        assertThat(Files.readString(files.hosts())).startsWith("127.0.0.1\tlocalhost");
        assertThat(files.resolvConf()).isEmptyFile();
    }

    private HostEnvironment host(String hosts, String resolv) throws IOException {
        return new HostEnvironment("vm", -1, 1024, Files.writeString(dir.resolve("hosts"), hosts),
                Files.writeString(dir.resolve("resolv.conf"), resolv), dir);
    }
}
