package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.berth.api.error.InvalidArgumentException;

class SignalsTest {

    @ParameterizedTest
    @CsvSource({"SIGTERM,15", "TERM,15", "term,15", "SigKill,9", "9,9", "HUP,1", "SIGUSR1,10", "WINCH,28",
            "RTMIN,34", "SIGRTMIN+3,37", "RTMAX-1,63", "64,64"})
    void parsesNamesAndNumbers(String signal, int number) {
        assertThat(Signals.parse(signal)).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIGFOO", "0", "65", "-1", "", "SIG", "RTMIN+40", "99999999999"})
    void rejectsEverythingElseWithDockersMessage(String signal) {
        assertThatThrownBy(() -> Signals.parse(signal)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Invalid signal: " + signal);
    }

    @Test
    void nullIsInvalid() {
        assertThatThrownBy(() -> Signals.parse(null)).isInstanceOf(InvalidArgumentException.class);
    }
}
