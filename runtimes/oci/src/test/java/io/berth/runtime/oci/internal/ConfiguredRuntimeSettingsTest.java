package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.berth.api.error.InvalidArgumentException;
import io.berth.runtime.oci.OciCliProfile;

class ConfiguredRuntimeSettingsTest {

    private static ConfiguredRuntimeConfig config(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return ConfigValues.of(ConfiguredRuntimeConfig.class, values);
    }

    @Test
    void nameAndBinaryAreEnoughWithDefaultsForTheRest() {
        OciCliProfile profile = ConfiguredRuntimeSettings.profile(
                config("name", "altrunc", "binary", "/usr/sbin/runc"), null);
        assertThat(profile.name()).isEqualTo("altrunc");
        assertThat(profile.binaryCandidates()).containsExactly(Path.of("/usr/sbin/runc"));
        assertThat(profile.stateRoot()).isEqualTo(Path.of("/run/berth/altrunc"));
        assertThat(profile.conmonCandidates()).isEqualTo(OciCliProfile.CONMON_CANDIDATES);
        assertThat(profile.globalArgs()).isEmpty();
        assertThat(profile.createWrapper()).isFalse();
        assertThat(profile.eventsStats()).isFalse();
    }

    @Test
    void everyPropertyIsApplied() {
        OciCliProfile profile = ConfiguredRuntimeSettings.profile(config("name", " youki ", "binary",
                "/opt/youki/../bin/youki", "stateRoot", "/srv/youki", "conmon", "/opt/conmon", "globalArgs",
                new String[] {"--debug --log-format json", " ", "--systemd-cgroup"}, "createWrapper", true,
                "eventsStats", true), null);
        assertThat(profile.name()).isEqualTo("youki");
        assertThat(profile.binaryCandidates()).containsExactly(Path.of("/opt/bin/youki"));
        assertThat(profile.stateRoot()).isEqualTo(Path.of("/srv/youki"));
        assertThat(profile.conmonCandidates()).containsExactly(Path.of("/opt/conmon"));
        assertThat(profile.globalArgs()).containsExactly("--debug", "--log-format", "json", "--systemd-cgroup");
        assertThat(profile.createWrapper()).isTrue();
        assertThat(profile.eventsStats()).isTrue();
    }

    @Test
    void withoutANameTheFileNameGivesIt() {
        assertThat(ConfiguredRuntimeSettings.name("", "file:/opt/berth/etc/io.berth.runtime.oci-youki.cfg"))
                .isEqualTo("youki");
        assertThat(ConfiguredRuntimeSettings.name(null, "/opt/berth/etc/io.berth.runtime.oci-my-rt.cfg"))
                .isEqualTo("my-rt");
        assertThat(ConfiguredRuntimeSettings.name("given", "/etc/io.berth.runtime.oci-other.cfg"))
                .isEqualTo("given");
    }

    @Test
    void aMissingNameIsRefused() {
        assertThatThrownBy(() -> ConfiguredRuntimeSettings.profile(config("binary", "/usr/sbin/runc"), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("the runtime name is missing: set name = <runtime name>");
        assertThatThrownBy(() -> ConfiguredRuntimeSettings.name(" ", "/etc/something-else.cfg"))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/usr/bin/runc", "Runc", "1runc", "run c", "a/b", "-x",
            "x123456789012345678901234567890123456789012345678901234567890abcd"})
    void invalidNamesAreRefused(String name) {
        assertThatThrownBy(() -> ConfiguredRuntimeSettings.profile(config("name", name, "binary", "/usr/sbin/runc"),
                null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("invalid runtime name \"" + name.trim() + "\"");
    }

    @Test
    void theBinaryIsARequiredAbsolutePath() {
        assertThatThrownBy(() -> ConfiguredRuntimeSettings.profile(config("name", "alt"), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("binary is missing: set binary = <absolute path>");
        assertThatThrownBy(() -> ConfiguredRuntimeSettings.profile(config("name", "alt", "binary", "runc"), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("binary must be an absolute path, not \"runc\"");
    }

    @Test
    void stateRootAndConmonMustBeAbsolute() {
        assertThatThrownBy(() -> ConfiguredRuntimeSettings.profile(config("name", "alt", "binary", "/bin/x",
                "stateRoot", "state"), null)).hasMessage("stateRoot must be an absolute path, not \"state\"");
        assertThatThrownBy(() -> ConfiguredRuntimeSettings.profile(config("name", "alt", "binary", "/bin/x",
                "stateRoot", "/"), null)).hasMessage("stateRoot must be a directory below /, not /");
        assertThatThrownBy(() -> ConfiguredRuntimeSettings.profile(config("name", "alt", "binary", "/bin/x",
                "conmon", "conmon"), null)).hasMessage("conmon must be an absolute path, not \"conmon\"");
    }
}
