package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.berth.api.container.LogEntry;
import io.berth.api.error.BerthException;

/**
 * Reads conmon's k8s-file log ({@code <RFC3339Nano> stdout|stderr F|P text}). Partial ({@code P}) pieces
 * are joined with the rest of their line; a line that does not parse is skipped.
 */
final class K8sFileLog {

    private K8sFileLog() {
    }

    static List<LogEntry> read(Path log) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            return parse(Files.readAllLines(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BerthException("cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    static List<LogEntry> parse(List<String> lines) {
        List<LogEntry> entries = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            LogEntry piece = parseLine(line);
            if (piece == null) {
                continue;
            }
            pending.append(piece.text());
            if (!piece.partial()) {
                entries.add(new LogEntry(piece.stream(), piece.time(), pending.toString(), false));
                pending.setLength(0);
            }
        }
        return entries;
    }

    /** One line as it is, or {@code null} when it is not in the format. */
    static LogEntry parseLine(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3) {
            return null;
        }
        LogEntry.Stream stream = stream(parts[1]);
        Instant time = time(parts[0]);
        if (stream == null || time == null || !("F".equals(parts[2]) || "P".equals(parts[2]))) {
            return null;
        }
        return new LogEntry(stream, time, parts.length == 4 ? parts[3] : "", "P".equals(parts[2]));
    }

    private static LogEntry.Stream stream(String word) {
        switch (word) {
            case "stdout":
                return LogEntry.Stream.STDOUT;
            case "stderr":
                return LogEntry.Stream.STDERR;
            default:
                return null;
        }
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
