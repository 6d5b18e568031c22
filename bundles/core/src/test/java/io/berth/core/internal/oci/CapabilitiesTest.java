package io.berth.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.api.container.SecurityOptions;
import io.berth.api.error.InvalidArgumentException;

class CapabilitiesTest {

    private static final long EVERYTHING = -1L;
    private static final long WITHOUT_SYS_RESOURCE = 0x1fffeffffffL;

    @Test
    void defaultsAreDockersFourteen() {
        assertThat(Capabilities.resolve(SecurityOptions.DEFAULT, EVERYTHING))
                .containsExactlyInAnyOrderElementsOf(Capabilities.DOCKER_DEFAULT).hasSize(14);
    }

    @Test
    void addAndDropAcceptAnyCaseWithOrWithoutPrefix() {
        List<String> caps = Capabilities.resolve(options(false, List.of("net_admin", "CAP_SYS_PTRACE", "Sys_Time"),
                List.of("cap_chown", "NET_RAW")), EVERYTHING);

        assertThat(caps).contains("CAP_NET_ADMIN", "CAP_SYS_PTRACE", "CAP_SYS_TIME", "CAP_KILL")
                .doesNotContain("CAP_CHOWN", "CAP_NET_RAW").hasSize(15);
    }

    @Test
    void addAllWinsOverTheDefaultsButNotOverDrops() {
        List<String> caps = Capabilities.resolve(options(false, List.of("ALL"), List.of("SYS_ADMIN")), EVERYTHING);

        assertThat(caps).hasSize(Capabilities.ALL.size() - 1).doesNotContain("CAP_SYS_ADMIN");
    }

    @Test
    void dropAllKeepsOnlyTheAdded() {
        assertThat(Capabilities.resolve(options(false, List.of("chown"), List.of("all")), EVERYTHING))
                .containsExactly("CAP_CHOWN");
        assertThat(Capabilities.resolve(options(false, null, List.of("ALL")), EVERYTHING)).isEmpty();
    }

    @Test
    void privilegedIgnoresAddAndDrop() {
        assertThat(Capabilities.resolve(options(true, null, List.of("ALL")), EVERYTHING))
                .containsExactlyElementsOf(Capabilities.ALL);
    }

    @Test
    void theEnginesBoundingSetAlwaysLimits() {
        assertThat(Capabilities.resolve(options(true, null, null), WITHOUT_SYS_RESOURCE))
                .hasSize(Capabilities.ALL.size() - 1).doesNotContain("CAP_SYS_RESOURCE");
        assertThat(Capabilities.resolve(options(false, List.of("SYS_RESOURCE"), null), WITHOUT_SYS_RESOURCE))
                .containsExactlyInAnyOrderElementsOf(Capabilities.DOCKER_DEFAULT);
        long onlyChownAndKill = (1L << 0) | (1L << 5);
        assertThat(Capabilities.resolve(SecurityOptions.DEFAULT, onlyChownAndKill))
                .containsExactly("CAP_CHOWN", "CAP_KILL");
    }

    @Test
    void unknownCapabilitiesAreRefusedWithDockersMessage() {
        for (List<String> bad : List.of(List.of("FLY"), List.of("CAP_"), List.of(""), List.of("ALLL"))) {
            assertThatThrownBy(() -> Capabilities.validate(options(false, bad, null)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageStartingWith("unknown capability: \"CAP_");
            assertThatThrownBy(() -> Capabilities.resolve(options(false, null, bad), EVERYTHING))
                    .isInstanceOf(InvalidArgumentException.class);
        }
    }

    @Test
    void masksBecomeNames() {
        assertThat(Capabilities.names(0b100001)).containsExactly("CAP_CHOWN", "CAP_KILL");
        assertThat(Capabilities.names(WITHOUT_SYS_RESOURCE)).hasSize(40).doesNotContain("CAP_SYS_RESOURCE");
        assertThat(Capabilities.names(0)).isEmpty();
    }

    private static SecurityOptions options(boolean privileged, List<String> add, List<String> drop) {
        return new SecurityOptions(false, privileged, false, add, drop);
    }
}
