package io.berth.shell.internal.command;

import static io.berth.shell.internal.command.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeArgumentsTest {

    private static Instant parse(String value) {
        return TimeArguments.parse(value, "since", NOW, ZoneOffset.UTC);
    }

    @ParameterizedTest
    @CsvSource({
        "30s, 30",
        "10m, 600",
        "1h30m, 5400",
        "1.5h, 5400",
        "2h45m30s, 9930",
        "1500ms, 1.5",
    })
    void relativeDurationsCountBackFromNow(String value, double seconds) {
        assertThat(parse(value)).isEqualTo(NOW.minus(Duration.ofMillis((long) (seconds * 1000))));
    }

    @Test
    void negativeDurationsPointIntoTheFuture() {
        assertThat(parse("-1h")).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void rfc3339TimesWithAndWithoutFraction() {
        assertThat(parse("2024-04-30T10:00:00Z")).isEqualTo(Instant.parse("2024-04-30T10:00:00Z"));
        assertThat(parse("2024-04-30T10:00:00.123456789+02:00"))
                .isEqualTo(Instant.parse("2024-04-30T08:00:00.123456789Z"));
    }

    @Test
    void timesWithoutOffsetAreInTheSessionZone() {
        Instant parsed = TimeArguments.parse("2024-04-30T10:00:00", "since", NOW, ZoneId.of("Europe/Berlin"));

        assertThat(parsed).isEqualTo(Instant.parse("2024-04-30T08:00:00Z"));
        assertThat(parse("2024-04-30")).isEqualTo(Instant.parse("2024-04-30T00:00:00Z"));
    }

    @Test
    void unixSeconds() {
        assertThat(parse("1714557600")).isEqualTo(Instant.ofEpochSecond(1714557600));
        assertThat(parse("1714557600.5")).isEqualTo(Instant.ofEpochSecond(1714557600, 500_000_000));
    }

    @Test
    void absentMeansNoBound() {
        assertThat(parse(null)).isNull();
        assertThat(parse("")).isNull();
    }

    @Test
    void garbageIsRejectedNamingTheOption() {
        assertThatThrownBy(() -> TimeArguments.parse("yesterday", "until", NOW, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid value for \"until\": failed to parse value as time or duration: \"yesterday\"");
    }

    @Test
    void tailIsACountOrAll() {
        assertThat(TimeArguments.tail("all")).isEqualTo(-1);
        assertThat(TimeArguments.tail("10")).isEqualTo(10);
        assertThat(TimeArguments.tail("-3")).isEqualTo(-1);
        assertThatThrownBy(() -> TimeArguments.tail("ten"))
                .hasMessage("invalid value for \"tail\": \"ten\" (expected a number of lines or \"all\")");
    }
}
