package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanFormatTest {

    /** Hours are rounded before they are compared, so 47h59m is "2 days" and just under 2 years "1 years", as in Go. */
    @ParameterizedTest
    @CsvSource({
        "-5, Less than a second",
        "0, Less than a second",
        "1, 1 second",
        "2, 2 seconds",
        "59, 59 seconds",
        "60, About a minute",
        "119, About a minute",
        "120, 2 minutes",
        "3599, 59 minutes",
        "3600, About an hour",
        "5399, About an hour",
        "5400, 2 hours",
        "170999, 47 hours",
        "172799, 2 days",
        "172800, 2 days",
        "1207740, 13 days",
        "1209600, 2 weeks",
        "5182140, 8 weeks",
        "5184000, 2 months",
        "63070140, 24 months",
        "63071999, 1 years",
        "63072000, 2 years",
        "315360000, 10 years",
    })
    void durationsReadLikeDockers(long seconds, String expected) {
        assertThat(HumanFormat.duration(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0B",
        "12, 12B",
        "999, 999B",
        "1000, 1kB",
        "1234, 1.23kB",
        "4261000, 4.26MB",
        "4265000, 4.26MB",
        "100000000, 100MB",
        "1500000000, 1.5GB",
        "999999, 1e+03kB",
        "9223372036854775807, 9.22EB",
    })
    void sizesUseDecimalUnitsWithThreeSignificantDigits(long bytes, String expected) {
        assertThat(HumanFormat.size(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0.00001234, 4, 1.234e-05",
        "0.001234, 3, 0.00123",
        "123456, 3, 1.23e+05",
        "12.5, 3, 12.5",
        "7, 3, 7",
    })
    void goStyleGeneralFormat(double value, int precision, String expected) {
        assertThat(HumanFormat.goFormatG(value, precision)).isEqualTo(expected);
    }
}
