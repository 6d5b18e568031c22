package io.berth.images.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StoreRootTest {

    @Test
    void configuredRootWins() {
        assertThat(StoreRoot.resolve(" /srv/berth ")).isEqualTo(Path.of("/srv/berth"));
    }

    @Test
    void defaultsDependOnTheUserAndKaraf() {
        assertThat(StoreRoot.defaultRoot(true, "/opt/karaf/data", "/tmp")).isEqualTo(Path.of("/var/lib/berth"));
        assertThat(StoreRoot.defaultRoot(false, "/opt/karaf/data", "/tmp")).isEqualTo(Path.of("/opt/karaf/data/berth"));
        assertThat(StoreRoot.defaultRoot(false, null, "/tmp")).isEqualTo(Path.of("/tmp/berth"));
        assertThat(StoreRoot.defaultRoot(false, " ", "/var/tmp")).isEqualTo(Path.of("/var/tmp/berth"));
    }
}
