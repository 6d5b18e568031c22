package io.berth.runtime.crun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.runtime.oci.ForwardingOciRuntime;
import io.berth.runtime.oci.OciCliDriver;
import io.berth.runtime.oci.OciCliProfile;

class CrunRuntimeTest {

    private final AtomicReference<OciCliProfile> built = new AtomicReference<>();
    private final OciRuntime notReady = new ForwardingOciRuntime() {
        @Override
        protected OciRuntime delegate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RuntimeInfo info() {
            return new RuntimeInfo("crun", "", "", false, "crun binary not found", null);
        }
    };
    private final OciCliDriver driver = profile -> {
        built.set(profile);
        return notReady;
    };

    @Test
    void defaultsDescribeCrun() {
        CrunRuntime runtime = new CrunRuntime(ConfigValues.of(CrunConfig.class, Map.of()), driver);
        OciCliProfile profile = built.get();
        assertThat(profile.name()).isEqualTo("crun");
        assertThat(profile.stateRoot()).isEqualTo(Path.of("/run/berth/crun"));
        assertThat(profile.binaryCandidates()).isEqualTo(OciCliProfile.standardLocations("crun"));
        assertThat(profile.conmonCandidates()).isEqualTo(OciCliProfile.CONMON_CANDIDATES);
        assertThat(profile.globalArgs()).isEmpty();
        assertThat(profile.createWrapper()).isTrue();
        assertThat(profile.eventsStats()).isFalse();
        assertThat(runtime.info().reason()).isEqualTo("crun binary not found");
    }

    @Test
    void configurationOverridesTheProfile() {
        new CrunRuntime(ConfigValues.of(CrunConfig.class, Map.of("binary", "/opt/crun", "stateRoot", "/srv/crun",
                "conmon", "/opt/conmon", "globalArgs", new String[] {"--debug"})), driver);
        OciCliProfile profile = built.get();
        assertThat(profile.binaryCandidates()).containsExactly(Path.of("/opt/crun"));
        assertThat(profile.stateRoot()).isEqualTo(Path.of("/srv/crun"));
        assertThat(profile.conmonCandidates()).containsExactly(Path.of("/opt/conmon"));
        assertThat(profile.globalArgs()).containsExactly("--debug");
    }

    @Test
    void blankValuesKeepTheDefaults() {
        new CrunRuntime(ConfigValues.of(CrunConfig.class, Map.of("binary", " ", "stateRoot", "")), driver);
        assertThat(built.get().binaryCandidates()).isEqualTo(OciCliProfile.standardLocations("crun"));
        assertThat(built.get().stateRoot()).isEqualTo(Path.of("/run/berth/crun"));
    }

    @Test
    void isAnOciRuntimeForwardingToTheDriver() {
        assertThat(CrunRuntime.PROFILE.name()).matches(io.berth.api.runtime.RuntimeNames.VALID);
        assertThat(CrunRuntime.PID).isEqualTo("io.berth.runtime.crun");
        assertThat(List.of(OciRuntime.class, ForwardingOciRuntime.class))
                .allMatch(type -> type.isAssignableFrom(CrunRuntime.class));
    }
}
