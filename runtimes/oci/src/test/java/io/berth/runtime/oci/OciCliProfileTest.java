package io.berth.runtime.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class OciCliProfileTest {

    private final OciCliProfile runc = new OciCliProfile("runc", OciCliProfile.standardLocations("runc"),
            Path.of("/run/berth/runc"), null, false, true, null);

    @Test
    void defaultsToTheStandardLocations() {
        assertThat(runc.binaryCandidates()).containsExactly(Path.of("/usr/local/sbin/runc"),
                Path.of("/usr/local/bin/runc"), Path.of("/usr/sbin/runc"), Path.of("/usr/bin/runc"));
        assertThat(runc.conmonCandidates()).isEqualTo(OciCliProfile.CONMON_CANDIDATES);
        assertThat(runc.globalArgs()).isEmpty();
    }

    @Test
    void configurationOverridesOnlyWhatIsSet() {
        OciCliProfile configured = runc.withBinary(" /opt/runc ").withStateRoot("/srv/state").withConmon("")
                .withExtraGlobalArgs(List.of("--debug", " ", ""));
        assertThat(configured.binaryCandidates()).containsExactly(Path.of("/opt/runc"));
        assertThat(configured.stateRoot()).isEqualTo(Path.of("/srv/state"));
        assertThat(configured.conmonCandidates()).isEqualTo(OciCliProfile.CONMON_CANDIDATES);
        assertThat(configured.globalArgs()).containsExactly("--debug");
        assertThat(runc.withBinary(null)).isSameAs(runc);
        assertThat(runc.withConmon("/x/conmon").conmonCandidates()).containsExactly(Path.of("/x/conmon"));
    }

    @Test
    void rejectsInvalidNamesAndRelativeStateRoots() {
        assertThatThrownBy(() -> new OciCliProfile("Runc", List.of(), Path.of("/r"), null, false, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid runtime name");
        assertThatThrownBy(() -> runc.withStateRoot("relative/root"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }
}
