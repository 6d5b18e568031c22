package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.CreateResult;
import io.berth.api.container.Resources;
import io.berth.api.container.SecurityOptions;
import io.berth.api.error.InvalidArgumentException;

class CreateValidationTest extends EngineTest {

    @Test
    void dockersDefaultNetworkIsNone() {
        CreateResult unset = f.engine.create(spec().build(), null);
        CreateResult dockerDefault = f.engine.create(spec().networkMode("default").build(), null);

        assertThat(f.inspect(unset.id()).config().networkMode()).isEqualTo("none");
        assertThat(f.inspect(dockerDefault.id()).config().networkMode()).isEqualTo("none");
        assertThat(unset.warnings()).isEmpty();
    }

    @Test
    void bridgeAndOtherModesAreNotSupportedYet() {
        for (String mode : List.of("bridge", "container:x", "backend")) {
            assertThatThrownBy(() -> f.engine.create(spec().networkMode(mode).build(), null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("network mode \"" + mode + "\" is not supported yet (use none or host)");
        }
        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();
    }

    @Test
    void publishedPortsNeedHostNetworkingWhereTheyAreDiscarded() {
        assertThatThrownBy(() -> f.engine.create(spec().publishedPorts(List.of("8080:80")).build(), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("publishing ports is not supported yet (no bridge networking)");

        CreateResult host = f.engine.create(spec().networkMode("host").publishedPorts(List.of("80")).build(), null);

        assertThat(host.warnings()).containsExactly("Published ports are discarded when using host network mode");
        assertThat(f.inspect(host.id()).config().hostname()).isEqualTo("testhost");
    }

    @Test
    void capabilitiesResourcesAndWorkingDirAreChecked() {
        assertThatThrownBy(() -> f.engine.create(spec().security(
                new SecurityOptions(false, false, false, List.of("FLY"), null)).build(), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("unknown capability: \"CAP_FLY\"");
        assertThatThrownBy(() -> f.engine.create(spec().resources(new Resources(0, 0, 0, 50_000, 1_000_000_000L, 0))
                .build(), null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        assertThatThrownBy(() -> f.engine.create(spec().resources(new Resources(0, 0, 50_000, 0, 1_000_000_000L, 0))
                .build(), null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        assertThatThrownBy(() -> f.engine.create(spec().workingDir("relative").build(), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("the working directory 'relative' is invalid, it needs to be an absolute path");
        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();
    }

    @Test
    void securityOptionsArePersistedWithTheSpec() {
        SecurityOptions security = new SecurityOptions(true, false, true, List.of("NET_ADMIN"), List.of("MKNOD"));
        String id = f.engine.create(spec().security(security).build(), null).id();

        f.reopen();

        assertThat(f.inspect(id).config().security()).isEqualTo(security);
    }

    private static ContainerSpec.Builder spec() {
        return ContainerSpec.builder("busybox").cmd("sleep");
    }
}
