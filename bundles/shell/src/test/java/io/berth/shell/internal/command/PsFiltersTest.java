package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsFiltersTest {

    @Test
    void noFiltersListsRunningOrAll() {
        assertThat(PsFilters.parse(null, false)).isEqualTo(ContainerFilter.RUNNING);
        assertThat(PsFilters.parse(List.of(), true)).isEqualTo(ContainerFilter.ALL);
    }

    @Test
    void everyKeyFillsItsSet() {
        ContainerFilter filter = PsFilters.parse(List.of("status=exited", "status=paused", "name=web", "id=abc",
                "label=tier=front", "label=debug", "ancestor=busybox"), false);

        assertThat(filter.all()).isFalse();
        assertThat(filter.statuses()).containsExactlyInAnyOrder(ContainerStatus.EXITED, ContainerStatus.PAUSED);
        assertThat(filter.names()).containsExactly("web");
        assertThat(filter.ids()).containsExactly("abc");
        assertThat(filter.labels()).containsExactlyInAnyOrder("tier=front", "debug");
        assertThat(filter.ancestors()).containsExactly("busybox");
    }

    @Test
    void unknownKeyIsRejectedWithDockersWording() {
        assertThatThrownBy(() -> PsFilters.parse(List.of("colour=red"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid filter 'colour'");
    }

    @Test
    void filterWithoutValueIsRejected() {
        assertThatThrownBy(() -> PsFilters.parse(List.of("status"), false))
                .hasMessage("bad format of filter (expected name=value)");
    }

    @Test
    void unknownStatusIsRejected() {
        assertThatThrownBy(() -> PsFilters.parse(List.of("status=sleeping"), false))
                .hasMessage("Unrecognised filter value for status: sleeping");
    }
}
