package io.berth.runtime.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SleepArgumentTest {

    @Test
    void parsesSecondsWithDecimals() {
        assertThat(SleepArgument.parse(List.of("2"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(SleepArgument.parse(List.of("0.2"))).isEqualTo(Duration.ofMillis(200));
        assertThat(SleepArgument.parse(List.of(".5"))).isEqualTo(Duration.ofMillis(500));
        assertThat(SleepArgument.parse(List.of("0"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void parsesUnitsAndSumsOperands() {
        assertThat(SleepArgument.parse(List.of("1m", "30s"))).isEqualTo(Duration.ofSeconds(90));
        assertThat(SleepArgument.parse(List.of("1h"))).isEqualTo(Duration.ofHours(1));
        assertThat(SleepArgument.parse(List.of("0.5d"))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void infinityAndAbsurdlyLongSleepsNeverEnd() {
        assertThat(SleepArgument.parse(List.of("infinity"))).isNull();
        assertThat(SleepArgument.parse(List.of("inf"))).isNull();
        assertThat(SleepArgument.parse(List.of("99999999999999"))).isNull();
    }

    @Test
    void rejectsWhatIsNoNumber() {
        assertThatThrownBy(() -> SleepArgument.parse(List.of())).hasMessage("sleep: missing operand");
        for (String bad : List.of("abc", "5x", "-1", "1e3", "", ".", "s")) {
            assertThatThrownBy(() -> SleepArgument.parse(List.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sleep: invalid number '" + bad + "'");
        }
    }
}
