package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.berth.api.runtime.RuntimeFeatures;

class ProbesTest {

    @Test
    void readsFeaturesDocument() {
        RuntimeFeatures features = FeaturesProbe.parse("{\"ociVersionMin\":\"1.0.0\",\"ociVersionMax\":\"1.0.2-dev\","
                + "\"hooks\":[\"prestart\"],\"mountOptions\":[\"bind\",\"ro\"],"
                + "\"linux\":{\"namespaces\":[\"pid\",\"network\"],\"capabilities\":[\"CAP_CHOWN\"]}}");
        assertThat(features.ociVersionMin()).isEqualTo("1.0.0");
        assertThat(features.ociVersionMax()).isEqualTo("1.0.2-dev");
        assertThat(features.namespaces()).containsExactly("pid", "network");
        assertThat(features.capabilities()).containsExactly("CAP_CHOWN");
        assertThat(features.mountOptions()).containsExactly("bind", "ro");
    }

    @Test
    void unreadableFeaturesAreUnknown() {
        assertThat(FeaturesProbe.parse("unknown command features")).isEqualTo(RuntimeFeatures.UNKNOWN);
        assertThat(FeaturesProbe.parse("{}")).isEqualTo(RuntimeFeatures.UNKNOWN);
    }

    @Test
    void readsVersionFromFirstLine() {
        assertThat(VersionProbe.parse("runc version 1.1.5+ds1\ncommit: 1.1.5\nspec: 1.0.2-dev\n"))
                .isEqualTo("1.1.5+ds1");
        assertThat(VersionProbe.parse("crun version 1.8.1\ncommit: f8a096be\n")).isEqualTo("1.8.1");
        assertThat(VersionProbe.parse("youki 0.3.0\n")).isEqualTo("youki 0.3.0");
        assertThat(VersionProbe.parse("")).isEmpty();
    }
}
