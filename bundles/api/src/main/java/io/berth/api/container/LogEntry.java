package io.berth.api.container;

import java.time.Instant;

/**
 * One entry of a container log, as recorded by the monitor (one k8s-file line).
 *
 * @param stream  which stream the bytes came from
 * @param time    when the monitor recorded it
 * @param text    the text, without the trailing newline
 * @param partial true when the entry is a partial line (no newline followed)
 */
public record LogEntry(Stream stream, Instant time, String text, boolean partial) {

    /** The standard streams. */
    public enum Stream { STDOUT, STDERR }
}
