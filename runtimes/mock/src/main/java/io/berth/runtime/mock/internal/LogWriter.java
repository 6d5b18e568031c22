package io.berth.runtime.mock.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.LogEntry;
import io.berth.api.error.BerthException;

/**
 * Writes a container's output in conmon's k8s-file format: {@code <RFC3339Nano> stdout|stderr F|P text\n},
 * {@code F} for a full line and {@code P} for a partial one (no newline followed). With a terminal every line
 * is recorded as {@code stdout}. Each call appends with one write, so readers never see half an entry.
 * Thread-safe.
 */
final class LogWriter {

    /** RFC 3339 with nanoseconds and a numeric UTC offset, as conmon writes it. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnnxxx").withZone(ZoneOffset.UTC);

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);

    private final Path logPath;
    private final boolean terminal;

    LogWriter(Path logPath, boolean terminal) {
        this.logPath = logPath;
        this.terminal = terminal;
    }

    /** Creates the log file, and its directory, if absent; an existing log is kept as it is. */
    void create() {
        try {
            Files.createDirectories(logPath.toAbsolutePath().getParent());
            Files.write(logPath, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new BerthException("cannot create log file " + logPath + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code text} as full lines: one entry per line of the text. */
    void lines(Instant time, LogEntry.Stream stream, String text) {
        StringBuilder entries = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            appendEntry(entries, time, stream, "F", line);
        }
        append(entries);
    }

    /** Appends {@code text} as one partial entry: text that no newline followed. */
    void partial(Instant time, LogEntry.Stream stream, String text) {
        append(appendEntry(new StringBuilder(), time, stream, "P", text));
    }

    private StringBuilder appendEntry(StringBuilder entries, Instant time, LogEntry.Stream stream, String flag,
            String text) {
        String streamName = terminal || stream == LogEntry.Stream.STDOUT ? "stdout" : "stderr";
        return entries.append(TIMESTAMP.format(time)).append(' ').append(streamName).append(' ').append(flag)
                .append(' ').append(text).append('\n');
    }

    /** A failed write is logged and dropped: the simulated process does not die of an unwritable log. */
    private void append(CharSequence entries) {
        try {
            Files.write(logPath, entries.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Cannot write to container log {}: {}", logPath, e.toString());
        }
    }
}
