package io.berth.images.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.berth.api.error.InvalidArgumentException;

/** The registry a login names, in the forms clients send ({@code docker login} sends Docker Hub as a URL). */
class RegistryLoginTest {

    @Test
    void dockerHubInAnyOfItsNames() {
        for (String address : new String[] {"", "https://index.docker.io/v1/", "docker.io", "index.docker.io",
                "registry-1.docker.io"}) {
            assertThat(RegistryLogin.host(address)).as(address).isEqualTo("registry-1.docker.io");
        }
    }

    @Test
    void otherRegistriesByHostAndPortWithOrWithoutAScheme() {
        assertThat(RegistryLogin.host("127.0.0.1:5000")).isEqualTo("127.0.0.1:5000");
        assertThat(RegistryLogin.host("http://Registry.LAN:5000/")).isEqualTo("registry.lan:5000");
        assertThat(RegistryLogin.host("https://ghcr.io/v2/")).isEqualTo("ghcr.io");
        assertThat(RegistryLogin.host("[::1]:5000")).isEqualTo("[::1]:5000");
    }

    @Test
    void anAddressThatNamesNoHostIsRefused() {
        for (String address : new String[] {"two words", "host:port", "user@host", "http://"}) {
            assertThatThrownBy(() -> RegistryLogin.host(address)).as(address)
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("invalid registry address \"" + address + "\"");
        }
    }
}
