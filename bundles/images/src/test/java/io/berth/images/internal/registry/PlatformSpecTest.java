package io.berth.images.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.archive.ArchiveDocuments.Platform;
import io.berth.images.internal.config.Platforms;

class PlatformSpecTest {

    @Test
    void emptyMeansTheEnginesPlatform() {
        assertThat(PlatformSpec.parse("")).isEqualTo(PlatformSpec.current());
        assertThat(PlatformSpec.parse(null).architecture()).isEqualTo(Platforms.currentArchitecture());
    }

    @Test
    void parsesOsArchitectureAndVariantWithDockersAliases() {
        assertThat(PlatformSpec.parse("linux/x86_64")).isEqualTo(new PlatformSpec("linux", "amd64", ""));
        assertThat(PlatformSpec.parse("Linux/ARM64/v8")).isEqualTo(new PlatformSpec("linux", "arm64", "v8"));
    }

    @Test
    void aMissingVariantMatchesAnyAndArm64MeansV8() {
        assertThat(PlatformSpec.parse("linux/arm64").matches(new Platform("arm64", "linux", "v8"))).isTrue();
        assertThat(PlatformSpec.parse("linux/arm64/v8").matches(new Platform("arm64", "linux", null))).isTrue();
        assertThat(PlatformSpec.parse("linux/arm/v7").matches(new Platform("arm", "linux", "v6"))).isFalse();
        assertThat(PlatformSpec.parse("linux/amd64").matches(new Platform("amd64", "windows", null))).isFalse();
        assertThat(PlatformSpec.parse("linux/amd64").matches(null)).isFalse();
    }

    @Test
    void malformedOrForeignPlatformsAreRefused() {
        assertThatThrownBy(() -> PlatformSpec.parse("linux//v7")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> PlatformSpec.parse("linux/amd64/v1/x")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> PlatformSpec.parse("windows/amd64")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("linux images only");
    }
}
