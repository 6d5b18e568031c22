package io.berth.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.berth.api.container.LogEntry;

class K8sLogFormatTest {

    @Test
    void parsesFullLinesWithNumericOffset() {
        LogEntry entry = K8sLogFormat.parse("2026-11-27T16:41:53.600148797+00:00 stdout F hello world").orElseThrow();

        assertThat(entry.stream()).isEqualTo(LogEntry.Stream.STDOUT);
        assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-27T16:41:53.600148797Z"));
        assertThat(entry.text()).isEqualTo("hello world");
        assertThat(entry.partial()).isFalse();
    }

    @Test
    void parsesZuluTimePartialLinesAndOtherOffsets() {
        LogEntry partial = K8sLogFormat.parse("2026-11-27T16:41:53.6Z stderr P no newline ").orElseThrow();
        LogEntry shifted = K8sLogFormat.parse("2026-11-27T18:41:53+02:00 stdout F x").orElseThrow();

        assertThat(partial.stream()).isEqualTo(LogEntry.Stream.STDERR);
        assertThat(partial.partial()).isTrue();
        assertThat(partial.text()).isEqualTo("no newline ");
        assertThat(shifted.time()).isEqualTo(Instant.parse("2026-11-27T16:41:53Z"));
    }

    @Test
    void emptyTextIsAllowed() {
        assertThat(K8sLogFormat.parse("2026-11-27T16:41:53Z stdout F").orElseThrow().text()).isEmpty();
        assertThat(K8sLogFormat.parse("2026-11-27T16:41:53Z stdout F ").orElseThrow().text()).isEmpty();
    }

    @Test
    void malformedLinesAreRejected() {
        assertThat(K8sLogFormat.parse("")).isEmpty();
        assertThat(K8sLogFormat.parse("garbage")).isEmpty();
        assertThat(K8sLogFormat.parse("yesterday stdout F text")).isEmpty();
        assertThat(K8sLogFormat.parse("2026-11-27T16:41:53Z stdin F text")).isEmpty();
        assertThat(K8sLogFormat.parse("2026-11-27T16:41:53Z stdout")).isEmpty();
    }

    @Test
    void formatIsParsedBack() {
        LogEntry entry = new LogEntry(LogEntry.Stream.STDERR, Instant.parse("2026-11-27T16:41:53.000000001Z"),
                "x y", true);

        assertThat(K8sLogFormat.parse(K8sLogFormat.format(entry))).contains(entry);
    }
}
