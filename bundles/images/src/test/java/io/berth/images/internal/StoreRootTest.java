package io.berth.images.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StoreRootTest {

    @Test
    void configuredRootWins() {
        assertThat(StoreRoot.resolve(" /srv/berth ")).isEqualTo(Path.of("/srv/berth"));
    }

    // the defaults themselves are StateDirs' rule, tested in berth-common
}
