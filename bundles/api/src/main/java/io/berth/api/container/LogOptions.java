package io.berth.api.container;

import java.time.Instant;

/**
 * What part of a container's log to read.
 *
 * @param follow     keep the stream open and deliver new entries until the container stops
 * @param since      only entries at or after this time; {@code null} for no bound
 * @param until      only entries before this time; {@code null} for no bound
 * @param tail       only the last {@code tail} entries before following; negative for all
 * @param timestamps the reader wants timestamps (carried in every entry anyway; front ends decide how to show them)
 * @param stdout     include standard output
 * @param stderr     include standard error
 */
public record LogOptions(boolean follow, Instant since, Instant until, int tail, boolean timestamps,
        boolean stdout, boolean stderr) {

    /** Whole log, both streams, no follow. */
    public static final LogOptions ALL = new LogOptions(false, null, null, -1, false, true, true);
}
