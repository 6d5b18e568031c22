package io.berth.runtime.mock.internal;

import static io.berth.api.container.LogEntry.Stream.STDERR;
import static io.berth.api.container.LogEntry.Stream.STDOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.BerthException;

class LogWriterTest {

    private static final Instant TIME = Instant.parse("2026-11-27T16:41:53.600148797Z");

    @TempDir
    Path dir;

    @Test
    void writesConmonsExactFormat() throws Exception {
        Path log = dir.resolve("ctr.log");
        LogWriter writer = new LogWriter(log, false);
        writer.lines(TIME, STDOUT, "hello world");
        writer.lines(Instant.parse("2026-01-02T03:04:05Z"), STDERR, "oops");
        assertThat(Files.readString(log)).isEqualTo(
                "2026-11-27T16:41:53.600148797+00:00 stdout F hello world\n"
                        + "2026-01-02T03:04:05.000000000+00:00 stderr F oops\n");
    }

    @Test
    void aTerminalRecordsEverythingAsStdout() {
        Path log = dir.resolve("tty.log");
        new LogWriter(log, true).lines(TIME, STDERR, "oops");
        assertThat(LogLine.readAll(log)).containsExactly(new LogLine(TIME, "stdout", "F", "oops"));
    }

    @Test
    void splitsMultiLineTextAndKeepsEmptyLines() {
        Path log = dir.resolve("multi.log");
        LogWriter writer = new LogWriter(log, false);
        writer.lines(TIME, STDOUT, "a\nb");
        writer.lines(TIME, STDOUT, "");
        assertThat(LogLine.readAll(log)).extracting(LogLine::text).containsExactly("a", "b", "");
    }

    @Test
    void partialLinesAreFlaggedP() {
        Path log = dir.resolve("partial.log");
        new LogWriter(log, false).partial(TIME, STDOUT, "no newline");
        assertThat(LogLine.readAll(log)).containsExactly(new LogLine(TIME, "stdout", "P", "no newline"));
    }

    @Test
    void createMakesAnEmptyFileButKeepsAnExistingLog() throws Exception {
        Path log = dir.resolve("sub/dir/ctr.log");
        LogWriter writer = new LogWriter(log, false);
        writer.create();
        assertThat(log).exists().isEmptyFile();
        writer.lines(TIME, STDOUT, "kept");
        writer.create();
        assertThat(LogLine.readAll(log)).hasSize(1);
    }

    @Test
    void createFailsWhenTheLogCannotExist() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        LogWriter writer = new LogWriter(dir.resolve("file/ctr.log"), false);
        assertThatThrownBy(writer::create).isInstanceOf(BerthException.class).hasMessageContaining("ctr.log");
    }
}
