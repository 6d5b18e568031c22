package io.berth.rest.internal.wire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.berth.api.error.InvalidArgumentException;

/** Docker's time formats: RFC 3339 with nine fractional digits, Go's zero time, unix seconds in queries. */
public final class Times {

    /** Go's zero time, what Docker shows for "never". */
    public static final String ZERO = "0001-01-01T00:00:00Z";

    private static final DateTimeFormatter NANOS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** RFC 3339 with exactly nine fractional digits (what {@code logs -t} shows), or {@link #ZERO}. */
    public static String rfc3339(Instant t) {
        return t == null ? ZERO : NANOS.format(t);
    }

    /**
     * A {@code since}/{@code until} query value: unix seconds with an optional fraction ({@code 1795797000.5}),
     * or RFC 3339; {@code null} or empty gives {@code null}.
     */
    public static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal secs = new BigDecimal(value);
            long s = secs.longValue();
            long nanos = secs.subtract(BigDecimal.valueOf(s)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(s, nanos);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(value);
            } catch (RuntimeException e2) {
                throw new InvalidArgumentException("invalid value for " + name + ": " + value);
            }
        }
    }
}
