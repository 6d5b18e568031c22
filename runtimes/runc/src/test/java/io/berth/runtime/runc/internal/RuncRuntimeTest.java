package io.berth.runtime.runc.internal;

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

class RuncRuntimeTest {

    private final AtomicReference<OciCliProfile> built = new AtomicReference<>();
    private final OciRuntime notReady = new ForwardingOciRuntime() {
        @Override
        protected OciRuntime delegate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RuntimeInfo info() {
            return new RuntimeInfo("runc", "", "", false, "runc binary not found", null);
        }
    };
    private final OciCliDriver driver = profile -> {
        built.set(profile);
        return notReady;
    };

    @Test
    void defaultsDescribeRunc() {
        RuncRuntime runtime = new RuncRuntime(ConfigValues.of(RuncConfig.class, Map.of()), driver);
        OciCliProfile profile = built.get();
        assertThat(profile.name()).isEqualTo("runc");
        assertThat(profile.stateRoot()).isEqualTo(Path.of("/run/berth/runc"));
        assertThat(profile.binaryCandidates()).isEqualTo(OciCliProfile.standardLocations("runc"));
        assertThat(profile.conmonCandidates()).isEqualTo(OciCliProfile.CONMON_CANDIDATES);
        assertThat(profile.globalArgs()).isEmpty();
        assertThat(profile.createWrapper()).isFalse();
        assertThat(profile.eventsStats()).isTrue();
        assertThat(runtime.info().reason()).isEqualTo("runc binary not found");
    }

    @Test
    void configurationOverridesTheProfile() {
        new RuncRuntime(ConfigValues.of(RuncConfig.class, Map.of("binary", "/opt/runc", "stateRoot", "/srv/runc",
                "conmon", "/opt/conmon", "globalArgs", new String[] {"--debug"})), driver);
        OciCliProfile profile = built.get();
        assertThat(profile.binaryCandidates()).containsExactly(Path.of("/opt/runc"));
        assertThat(profile.stateRoot()).isEqualTo(Path.of("/srv/runc"));
        assertThat(profile.conmonCandidates()).containsExactly(Path.of("/opt/conmon"));
        assertThat(profile.globalArgs()).containsExactly("--debug");
    }

    @Test
    void blankValuesKeepTheDefaults() {
        new RuncRuntime(ConfigValues.of(RuncConfig.class, Map.of("binary", " ", "stateRoot", "")), driver);
        assertThat(built.get().binaryCandidates()).isEqualTo(OciCliProfile.standardLocations("runc"));
        assertThat(built.get().stateRoot()).isEqualTo(Path.of("/run/berth/runc"));
    }

    @Test
    void isAnOciRuntimeForwardingToTheDriver() {
        assertThat(RuncRuntime.PROFILE.name()).matches(io.berth.api.runtime.RuntimeNames.VALID);
        assertThat(RuncRuntime.PID).isEqualTo("io.berth.runtime.runc");
        assertThat(List.of(OciRuntime.class, ForwardingOciRuntime.class))
                .allMatch(type -> type.isAssignableFrom(RuncRuntime.class));
    }
}
