package io.berth.images.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.images.internal.reference.ImageReference;

class RegistryHostsTest {

    @Test
    void dockerHubIsServedByRegistry1() {
        assertThat(RegistryHosts.host(ImageReference.parse("busybox"))).isEqualTo("registry-1.docker.io");
        assertThat(RegistryHosts.host(ImageReference.parse("localhost:5000/app"))).isEqualTo("localhost:5000");
    }

    @Test
    void onlyLoopbackAndConfiguredRegistriesFallBackToPlainHttp() {
        RegistryHosts hosts = new RegistryHosts(List.of("Mirror.Example:5000", " "));

        assertThat(hosts.bases("127.0.0.1:5000")).containsExactly(URI.create("https://127.0.0.1:5000"),
                URI.create("http://127.0.0.1:5000"));
        assertThat(hosts.isInsecure("localhost")).isTrue();
        assertThat(hosts.isInsecure("[::1]:5000")).isTrue();
        assertThat(hosts.isInsecure("mirror.example:5000")).isTrue();
        assertThat(hosts.isInsecure("mirror.example:5001")).isFalse();
        assertThat(hosts.bases("registry-1.docker.io")).containsExactly(URI.create("https://registry-1.docker.io"));
    }
}
