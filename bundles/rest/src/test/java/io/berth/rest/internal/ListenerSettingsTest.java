package io.berth.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

class ListenerSettingsTest {

    private static ListenerSettings settings(String host, int port, ListenerSettings.TlsFiles tls) {
        return new ListenerSettings(Path.of("/tmp/x.sock"), ListenerSettings.parseMode("0660"), "", host, port, tls,
                1024);
    }

    @Test
    void defaultSocketDependsOnRoot() {
        assertThat(ListenerSettings.defaultSocket(true, "/opt/karaf/data")).isEqualTo(Path.of("/run/berth/berth.sock"));
        assertThat(ListenerSettings.defaultSocket(false, "/opt/karaf/data"))
                .isEqualTo(Path.of("/opt/karaf/data/berth/berth.sock"));
    }

    @Test
    void parsesOctalModes() {
        assertThat(PosixFilePermissions.toString(ListenerSettings.parseMode("0660"))).isEqualTo("rw-rw----");
        assertThat(PosixFilePermissions.toString(ListenerSettings.parseMode("755"))).isEqualTo("rwxr-xr-x");
        assertThatThrownBy(() -> ListenerSettings.parseMode("rw")).hasMessageContaining("octal");
    }

    @Test
    void loopbackTcpNeedsNoTls() {
        assertThat(settings("127.0.0.1", 2375, null).tcpRefusal()).isNull();
        assertThat(settings("localhost", 0, null).tcpRefusal()).isNull();
        assertThat(settings("0.0.0.0", -1, null).tcpEnabled()).isFalse();
    }

    @Test
    void nonLoopbackTcpWithoutTlsIsRefused() {
        assertThat(settings("0.0.0.0", 2375, null).tcpRefusal()).contains("not a loopback address");
        ListenerSettings.TlsFiles tls = new ListenerSettings.TlsFiles(Path.of("c"), Path.of("k"), Path.of("ca"));
        assertThat(settings("0.0.0.0", 2376, tls).tcpRefusal()).isNull();
    }
}
