package io.berth.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    private static final HostFacts ROOT = new HostFacts(0, "/opt/karaf/data", "/tmp");
    private static final HostFacts USER_IN_KARAF = new HostFacts(1000, "/opt/karaf/data", "/tmp");
    private static final HostFacts USER_OUTSIDE_KARAF = new HostFacts(1000, null, "/var/tmp");

    @Test
    void rootUsesSystemDirectories() {
        EngineSettings settings = EngineSettings.resolve("", "", "", 10, ROOT);

        assertThat(settings.root()).isEqualTo(Path.of("/var/lib/berth"));
        assertThat(settings.runDir()).isEqualTo(Path.of("/run/berth"));
        assertThat(settings.stopTimeoutSeconds()).isEqualTo(10);
    }

    @Test
    void userInKarafUsesKarafData() {
        EngineSettings settings = EngineSettings.resolve(null, null, null, 10, USER_IN_KARAF);

        assertThat(settings.root()).isEqualTo(Path.of("/opt/karaf/data/berth"));
        assertThat(settings.runDir()).isEqualTo(Path.of("/opt/karaf/data/berth/run"));
    }

    @Test
    void userOutsideKarafFallsBackToTempDir() {
        EngineSettings settings = EngineSettings.resolve(" ", "", "", 10, USER_OUTSIDE_KARAF);

        assertThat(settings.root()).isEqualTo(Path.of("/var/tmp/berth"));
        assertThat(settings.containersDir()).isEqualTo(Path.of("/var/tmp/berth/containers"));
        assertThat(settings.exitsDir()).isEqualTo(Path.of("/var/tmp/berth/exits"));
    }

    @Test
    void explicitValuesWin() {
        EngineSettings settings = EngineSettings.resolve("/srv/berth", "/srv/run", "crun", 3, ROOT);

        assertThat(settings.root()).isEqualTo(Path.of("/srv/berth"));
        assertThat(settings.runDir()).isEqualTo(Path.of("/srv/run"));
        assertThat(settings.defaultRuntime(name -> false)).isEqualTo("crun");
        assertThat(settings.stopTimeoutSeconds()).isEqualTo(3);
    }

    @Test
    void defaultRuntimeIsRuncWhenPresentElseMock() {
        EngineSettings settings = EngineSettings.resolve("/srv/berth", "", "", 10, ROOT);

        assertThat(settings.defaultRuntime(Set.of("runc", "mock")::contains)).isEqualTo("runc");
        assertThat(settings.defaultRuntime(Set.of("mock")::contains)).isEqualTo("mock");
        assertThat(settings.defaultRuntime(name -> false)).isEqualTo("mock");
    }

    @Test
    void invalidDefaultRuntimeIsIgnored() {
        EngineSettings settings = EngineSettings.resolve("/srv/berth", "", "/usr/bin/runc", 10, ROOT);

        assertThat(settings.configuredRuntime()).isEmpty();
        assertThat(settings.defaultRuntime(name -> false)).isEqualTo("mock");
    }

    @Test
    void cgroupParentDefaultsAndIsNormalized() {
        assertThat(EngineSettings.resolve("/srv", "", "", 10, ROOT).cgroupParent()).isEqualTo("/berth");
        assertThat(EngineSettings.resolve("/srv", "", "", 10, " ", ROOT).cgroupParent()).isEqualTo("/berth");
        assertThat(EngineSettings.resolve("/srv", "", "", 10, "machine/berth/", ROOT).cgroupParent())
                .isEqualTo("/machine/berth");
        assertThat(EngineSettings.resolve("/srv", "", "", 10, "/ok_1.slice", ROOT).cgroupParent())
                .isEqualTo("/ok_1.slice");
    }

    @Test
    void invalidCgroupParentsAreIgnored() {
        for (String bad : new String[] {"/../escape", "/a/..", "/a b", "/a/./b", "//", "/x\ny"}) {
            assertThat(EngineSettings.resolve("/srv", "", "", 10, bad, ROOT).cgroupParent()).as(bad)
                    .isEqualTo("/berth");
        }
    }

    @Test
    void currentHostFactsAreReadable() {
        HostFacts host = HostFacts.current();

        assertThat(host.tmpDir()).isNotEmpty();
        assertThat(host.uid()).isGreaterThanOrEqualTo(-1);
    }
}
