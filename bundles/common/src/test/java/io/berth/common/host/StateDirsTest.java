package io.berth.common.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StateDirsTest {

    @Test
    void rootUsesTheSystemDirectory() {
        assertThat(StateDirs.defaultRoot(true, "/opt/karaf/data", "/tmp")).isEqualTo(Path.of("/var/lib/berth"));
    }

    @Test
    void otherUsersUseKarafsDataDirectory() {
        assertThat(StateDirs.defaultRoot(false, "/opt/karaf/data", "/tmp")).isEqualTo(Path.of("/opt/karaf/data/berth"));
    }

    @Test
    void outsideKarafTheTemporaryDirectory() {
        assertThat(StateDirs.defaultRoot(false, null, "/tmp")).isEqualTo(Path.of("/tmp/berth"));
        assertThat(StateDirs.defaultRoot(false, " ", "/tmp")).isEqualTo(Path.of("/tmp/berth"));
    }

    @Test
    void theUidIsReadOnce() {
        assertThat(ProcessUser.uid()).isEqualTo(ProcessUser.uid());
        assertThat(ProcessUser.isRoot()).isEqualTo(ProcessUser.uid() == 0);
    }
}
