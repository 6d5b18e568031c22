package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerSpec;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageConfig;

class SpecMergerTest {

    private static final String ID = "abcdef0123456789" + "0".repeat(48);
    private static final String HOST = "buildhost";
    private static final ImageConfig IMAGE = new ImageConfig(List.of("PATH=/image/bin", "A=image", "B=image"),
            List.of("image-cmd"), List.of("/image-entry"), "/image-dir", "daemon", Map.of("x", "image", "y", "image"),
            "SIGQUIT", null, null);

    @Test
    void imageDefaultsFillTheGaps() {
        ContainerSpec merged = SpecMerger.merge(ContainerSpec.builder("img").build(), IMAGE, ID, "mock", HOST);

        assertThat(merged.entrypoint()).containsExactly("/image-entry");
        assertThat(merged.cmd()).containsExactly("image-cmd");
        assertThat(merged.env()).containsExactly("PATH=/image/bin", "A=image", "B=image");
        assertThat(merged.workingDir()).isEqualTo("/image-dir");
        assertThat(merged.user()).isEqualTo("daemon");
        assertThat(merged.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(merged.hostname()).isEqualTo("abcdef012345");
        assertThat(merged.networkMode()).isEqualTo("none");
        assertThat(merged.runtime()).isEqualTo("mock");
    }

    @Test
    void specValuesOverrideImageValues() {
        ContainerSpec spec = ContainerSpec.builder("img").cmd("own").env(List.of("B=spec", "C=spec"))
                .workingDir("/w").user("1:1").stopSignal("SIGINT").labels(Map.of("y", "spec")).hostname("h")
                .networkMode("host").build();

        ContainerSpec merged = SpecMerger.merge(spec, IMAGE, ID, "mock", HOST);

        assertThat(merged.entrypoint()).containsExactly("/image-entry");
        assertThat(merged.cmd()).containsExactly("own");
        assertThat(merged.env()).containsExactly("PATH=/image/bin", "A=image", "B=spec", "C=spec");
        assertThat(merged.labels()).containsEntry("x", "image").containsEntry("y", "spec");
        assertThat(merged).extracting(ContainerSpec::workingDir, ContainerSpec::user, ContainerSpec::stopSignal,
                ContainerSpec::hostname, ContainerSpec::networkMode).containsExactly("/w", "1:1", "SIGINT", "h", "host");
    }

    @Test
    void specEntrypointDropsTheImageCmd() {
        ContainerSpec merged = SpecMerger.merge(
                ContainerSpec.builder("img").entrypoint(List.of("/own")).build(), IMAGE, ID, "mock", HOST);

        assertThat(merged.entrypoint()).containsExactly("/own");
        assertThat(merged.cmd()).isEmpty();
    }

    @Test
    void emptyEntrypointClearsTheImageEntrypoint() {
        ContainerSpec merged = SpecMerger.merge(
                ContainerSpec.builder("img").entrypoint(List.of()).cmd("ls").build(), IMAGE, ID, "mock", HOST);

        assertThat(merged.entrypoint()).isEmpty();
        assertThat(merged.cmd()).containsExactly("ls");
    }

    @Test
    void defaultPathAndStopSignalWhenNobodySetsThem() {
        ContainerSpec merged = SpecMerger.merge(ContainerSpec.builder("img").cmd("x").build(), ImageConfig.EMPTY,
                ID, "mock", HOST);

        assertThat(merged.env()).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        assertThat(merged.stopSignal()).isEqualTo("SIGTERM");
        assertThat(merged.workingDir()).isEmpty();
    }

    @Test
    void emptyCommandIsRefused() {
        assertThatThrownBy(
                () -> SpecMerger.merge(ContainerSpec.builder("img").build(), ImageConfig.EMPTY, ID, "m", HOST))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("no command specified");
        assertThatThrownBy(() -> SpecMerger.merge(ContainerSpec.builder("img").entrypoint(List.of()).build(), IMAGE,
                ID, "m", HOST)).isInstanceOf(InvalidArgumentException.class).hasMessage("no command specified");
    }

    @Test
    void defaultNetworkModeIsNoneAndHostNetworkingTakesTheHostsHostname() {
        ContainerSpec dockerDefault = SpecMerger.merge(ContainerSpec.builder("img").networkMode("default").build(),
                IMAGE, ID, "mock", HOST);
        ContainerSpec host = SpecMerger.merge(ContainerSpec.builder("img").networkMode("host").build(), IMAGE, ID,
                "mock", HOST);
        ContainerSpec hostNamed = SpecMerger.merge(
                ContainerSpec.builder("img").networkMode("host").hostname("own").build(), IMAGE, ID, "mock", HOST);

        assertThat(dockerDefault.networkMode()).isEqualTo("none");
        assertThat(dockerDefault.hostname()).isEqualTo("abcdef012345");
        assertThat(host.hostname()).isEqualTo(HOST);
        assertThat(hostNamed.hostname()).isEqualTo("own");
    }

    @Test
    void unsupportedNetworkModesAreRefused() {
        for (String mode : List.of("bridge", "container:abc", "mynet")) {
            assertThatThrownBy(() -> SpecMerger.merge(ContainerSpec.builder("img").networkMode(mode).build(), IMAGE,
                    ID, "mock", HOST)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("network mode \"" + mode + "\" is not supported yet (use none or host)");
        }
    }
}
