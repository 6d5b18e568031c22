package io.berth.shell.internal.command;

import io.berth.api.container.LogEntry;
import io.berth.api.container.LogStream;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Copies log entries to the console: standard output entries to {@code System.out}, standard error entries to
 * {@code System.err}, optionally prefixed with Docker's fixed-width RFC3339Nano timestamp and a space.
 */
final class LogPrinter {

    /** Docker's {@code RFC3339NanoFixed}: always nine fraction digits, UTC as {@code Z}. */
    static final DateTimeFormatter RFC3339_NANO_FIXED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX").withZone(ZoneOffset.UTC);

    private final boolean timestamps;

    LogPrinter(boolean timestamps) {
        this.timestamps = timestamps;
    }

    /**
     * Prints every entry until the stream ends.
     *
     * @throws InterruptedException when the session thread is interrupted (Ctrl-C) while following
     */
    void copy(LogStream stream) throws InterruptedException {
        for (LogEntry entry = stream.next(); entry != null; entry = stream.next()) {
            print(entry);
        }
    }

    void print(LogEntry entry) {
        PrintStream target = entry.stream() == LogEntry.Stream.STDERR ? System.err : System.out;
        String text = timestamps ? RFC3339_NANO_FIXED.format(entry.time()) + " " + entry.text() : entry.text();
        if (entry.partial()) {
            target.print(text);
        } else {
            target.println(text);
        }
        target.flush();
    }
}
