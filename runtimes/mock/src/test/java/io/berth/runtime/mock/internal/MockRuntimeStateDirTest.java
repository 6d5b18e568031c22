package io.berth.runtime.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockRuntimeStateDirTest {

    private final String savedKarafData = System.getProperty("karaf.data");

    @AfterEach
    void restoreProperty() {
        if (savedKarafData == null) {
            System.clearProperty("karaf.data");
        } else {
            System.setProperty("karaf.data", savedKarafData);
        }
    }

    @Test
    void aConfiguredDirectoryWins() {
        System.setProperty("karaf.data", "/opt/karaf/data");
        assertThat(MockRuntime.stateDir("/var/lib/mock")).isEqualTo(Path.of("/var/lib/mock"));
    }

    @Test
    void defaultsToKarafData() {
        System.setProperty("karaf.data", "/opt/karaf/data");
        assertThat(MockRuntime.stateDir("")).isEqualTo(Path.of("/opt/karaf/data/berth/mock"));
        assertThat(MockRuntime.stateDir(null)).isEqualTo(Path.of("/opt/karaf/data/berth/mock"));
    }

    @Test
    void fallsBackToTheTempDirectoryOutsideKaraf() {
        System.clearProperty("karaf.data");
        assertThat(MockRuntime.stateDir(" "))
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "berth-mock"));
    }
}
