package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.LogEntry;
import io.berth.api.container.LogEntry.Stream;

class K8sFileLogTest {

    @TempDir
    Path dir;

    @Test
    void parsesFullLines() {
        LogEntry entry = K8sFileLog.parseLine("2026-11-27T17:15:12.192372860+00:00 stderr F err and more");
        assertThat(entry).isEqualTo(new LogEntry(Stream.STDERR, Instant.parse("2026-11-27T17:15:12.192372860Z"),
                "err and more", false));
        assertThat(K8sFileLog.parseLine("2026-11-27T17:15:12.1+00:00 stdout F").text()).isEmpty();
    }

    @Test
    void joinsPartialPieces() {
        List<LogEntry> entries = K8sFileLog.parse(List.of(
                "2026-11-27T17:15:12.1+00:00 stdout P hel",
                "2026-11-27T17:15:12.2+00:00 stdout F lo",
                "2026-11-27T17:15:12.3+00:00 stdout F next"));
        assertThat(entries).extracting(LogEntry::text).containsExactly("hello", "next");
        assertThat(entries).allMatch(entry -> !entry.partial());
    }

    @Test
    void skipsLinesOutOfFormat() {
        assertThat(K8sFileLog.parseLine("garbage")).isNull();
        assertThat(K8sFileLog.parseLine("yesterday stdout F x")).isNull();
        assertThat(K8sFileLog.parseLine("2026-11-27T17:15:12.1+00:00 stdin F x")).isNull();
        assertThat(K8sFileLog.parseLine("2026-11-27T17:15:12.1+00:00 stdout X x")).isNull();
    }

    @Test
    void readsFilesAndToleratesAbsence() throws Exception {
        Path log = Files.writeString(dir.resolve("exec.log"), "2026-11-27T17:15:12.1+00:00 stdout F out\n");
        assertThat(K8sFileLog.read(log)).extracting(LogEntry::text).containsExactly("out");
        assertThat(K8sFileLog.read(dir.resolve("missing.log"))).isEmpty();
    }
}
