package io.berth.core.internal.logs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import io.berth.api.container.LogEntry;

/**
 * The k8s-file log format conmon and the runtimes write: {@code <RFC3339Nano> stdout|stderr <tag> <text>},
 * where the tag is {@code F} for a full line and {@code P} for a partial one. Timestamps may end in {@code Z}
 * or a numeric offset. Stateless.
 */
public final class K8sLogFormat {

    private K8sLogFormat() {
    }

    /** The entry of one line (without its newline), or empty when the line is malformed. */
    public static Optional<LogEntry> parse(String line) {
        int afterTime = line.indexOf(' ');
        int afterStream = afterTime < 0 ? -1 : line.indexOf(' ', afterTime + 1);
        if (afterStream < 0) {
            return Optional.empty();
        }
        Optional<Instant> time = parseTime(line.substring(0, afterTime));
        Optional<LogEntry.Stream> stream = parseStream(line.substring(afterTime + 1, afterStream));
        if (time.isEmpty() || stream.isEmpty()) {
            return Optional.empty();
        }
        int afterTag = line.indexOf(' ', afterStream + 1);
        String tag = afterTag < 0 ? line.substring(afterStream + 1) : line.substring(afterStream + 1, afterTag);
        String text = afterTag < 0 ? "" : line.substring(afterTag + 1);
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LogEntry(stream.get(), time.get(), text, isPartial(tag)));
    }

    /** One line in the format, for writers and tests. */
    public static String format(LogEntry entry) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.time().atOffset(ZoneOffset.UTC))
                + ' ' + entry.stream().name().toLowerCase(Locale.ROOT) + ' '
                + (entry.partial() ? 'P' : 'F') + ' ' + entry.text();
    }

    private static boolean isPartial(String tag) {
        // CRI tags may carry several ':'-separated flags; only P (partial) matters here.
        for (String flag : tag.split(":")) {
            if (flag.equals("P")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LogEntry.Stream> parseStream(String text) {
        switch (text) {
            case "stdout":
                return Optional.of(LogEntry.Stream.STDOUT);
            case "stderr":
                return Optional.of(LogEntry.Stream.STDERR);
            default:
                return Optional.empty();
        }
    }
}
