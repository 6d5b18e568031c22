package io.berth.rest.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.berth.api.container.LogEntry;
import io.berth.api.container.LogStream;
import io.berth.rest.internal.wire.Times;

/**
 * Copies log entries to a client: one frame per entry (stdout 1, stderr 2), the newline restored unless the
 * entry was partial, optionally prefixed by its RFC 3339 timestamp with nine fractional digits and a space.
 */
public final class LogCopier {

    private LogCopier() {
    }

    /**
     * Copies until the stream ends; returns how many entries were copied. Closes nothing.
     *
     * @throws IOException when the client has gone
     */
    public static int copy(LogStream logs, MuxOutput out, boolean timestamps)
            throws IOException, InterruptedException {
        int count = 0;
        LogEntry e;
        while ((e = logs.next()) != null) {
            out.write(e.stream() == LogEntry.Stream.STDERR ? MuxOutput.STDERR : MuxOutput.STDOUT,
                    payload(e, timestamps));
            count++;
        }
        return count;
    }

    static byte[] payload(LogEntry e, boolean timestamps) {
        String text = (timestamps ? Times.rfc3339(e.time()) + " " : "") + e.text() + (e.partial() ? "" : "\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
