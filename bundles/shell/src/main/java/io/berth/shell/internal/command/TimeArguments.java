package io.berth.shell.internal.command;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time options of {@code berth:logs} ({@code --since}, {@code --until}) the way Docker does: an
 * RFC 3339 time ({@code 2024-05-01T10:00:00Z}, with or without fraction and offset; without an offset, in the
 * session's zone), a date, Unix seconds ({@code 1714557600.5}) or a Go duration before now ({@code 10m},
 * {@code 1h30m}, {@code 30s}). Stateless.
 */
final class TimeArguments {

    private static final String DURATION_PART_REGEX = "(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)";
    private static final Pattern DURATION_PART = Pattern.compile(DURATION_PART_REGEX);
    private static final Pattern GO_DURATION = Pattern.compile("([+-]?)((?:" + DURATION_PART_REGEX + ")+)");
    private static final Pattern UNIX_SECONDS = Pattern.compile("(\\d+)(?:\\.(\\d{1,9}))?");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "μs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private TimeArguments() {
    }

    /**
     * The instant {@code value} stands for, {@code null} for an absent or empty value.
     *
     * @param option the option's name, for the error message
     * @throws IllegalArgumentException when the value is neither a time nor a duration
     */
    static Instant parse(String value, String option, Instant now, ZoneId zone) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Matcher duration = GO_DURATION.matcher(value);
        if (duration.matches()) {
            Duration d = goDuration(duration.group(2));
            return "-".equals(duration.group(1)) ? now.plus(d) : now.minus(d);
        }
        Matcher seconds = UNIX_SECONDS.matcher(value);
        if (seconds.matches()) {
            String fraction = seconds.group(2) == null ? "0" : (seconds.group(2) + "00000000").substring(0, 9);
            return Instant.ofEpochSecond(Long.parseLong(seconds.group(1)), Long.parseLong(fraction));
        }
        return dateTime(value, option, zone);
    }

    private static Duration goDuration(String text) {
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = DURATION_PART.matcher(text);
        while (part.find()) {
            BigDecimal amount = new BigDecimal(part.group(1));
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static Instant dateTime(String value, String option, ZoneId zone) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // try a plain date
        }
        try {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid value for \"" + option
                    + "\": failed to parse value as time or duration: \"" + value + "\"", e);
        }
    }

    /**
     * The {@code --tail} option: a number of lines or {@code all}.
     *
     * @return the count, or -1 for all
     */
    static int tail(String value) {
        if (value == null || value.isEmpty() || "all".equals(value)) {
            return -1;
        }
        try {
            return Math.max(-1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for \"tail\": \"" + value
                    + "\" (expected a number of lines or \"all\")", e);
        }
    }
}
