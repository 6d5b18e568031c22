package io.berth.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.LogEntry;
import io.berth.api.container.LogOptions;
import io.berth.core.internal.testing.Poll;

class K8sFileLogReaderTest {

    private static final Instant T0 = Instant.parse("2026-11-27T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void readsEveryWellFormedEntryAndSkipsMalformedLines() throws Exception {
        Path log = write(line(0, "stdout", "F", "one"), "broken line", line(1, "stderr", "P", "two-a"),
                line(2, "stderr", "F", "two-b"));

        assertThat(texts(log, LogOptions.ALL)).containsExactly("one", "two-a", "two-b");
        assertThat(readAll(log, LogOptions.ALL).get(1).partial()).isTrue();
    }

    @Test
    void selectsStreams() throws Exception {
        Path log = write(line(0, "stdout", "F", "out"), line(1, "stderr", "F", "err"));

        assertThat(texts(log, options(false, null, null, -1, true, false))).containsExactly("out");
        assertThat(texts(log, options(false, null, null, -1, false, true))).containsExactly("err");
    }

    @Test
    void tailKeepsTheLastEntries() throws Exception {
        Path log = write(line(0, "stdout", "F", "a"), line(1, "stdout", "F", "b"), line(2, "stdout", "F", "c"));

        assertThat(texts(log, options(false, null, null, 2, true, true))).containsExactly("b", "c");
        assertThat(texts(log, options(false, null, null, 0, true, true))).isEmpty();
        assertThat(texts(log, options(false, null, null, 10, true, true))).containsExactly("a", "b", "c");
    }

    @Test
    void sinceIsInclusiveAndUntilExclusive() throws Exception {
        Path log = write(line(0, "stdout", "F", "a"), line(1, "stdout", "F", "b"), line(2, "stdout", "F", "c"));

        assertThat(texts(log, options(false, T0.plusSeconds(1), null, -1, true, true))).containsExactly("b", "c");
        assertThat(texts(log, options(false, null, T0.plusSeconds(2), -1, true, true))).containsExactly("a", "b");
    }

    @Test
    void missingFileIsAnEmptyLog() throws Exception {
        assertThat(texts(dir.resolve("absent.log"), LogOptions.ALL)).isEmpty();
    }

    @Test
    void lastLineWithoutNewlineIsReadWhenNotFollowing() throws Exception {
        Path log = write(line(0, "stdout", "F", "a"));
        Files.writeString(log, line(1, "stdout", "F", "b"), StandardOpenOption.APPEND);

        assertThat(texts(log, LogOptions.ALL)).containsExactly("a", "b");
    }

    @Test
    void followDeliversNewLinesAndEndsWhenTheContainerStopped() throws Exception {
        Path log = write(line(0, "stdout", "F", "old"));
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        K8sFileLogReader reader = new K8sFileLogReader(log, options(true, null, null, -1, true, true), running::get);
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> drain(reader, seen));

        Poll.until("old line", () -> seen.size() == 1);
        append(log, line(1, "stdout", "F", "new"));
        Files.writeString(log, line(2, "stdout", "F", "half"), StandardOpenOption.APPEND);
        Poll.until("new line", () -> seen.size() == 2);
        Files.writeString(log, " done\n", StandardOpenOption.APPEND);
        append(log, line(3, "stderr", "F", "last"));
        running.set(false);

        follower.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(seen).containsExactly("old", "new", "half done", "last");
    }

    @Test
    void followWithTailStartsAtTheEnd() throws Exception {
        Path log = write(line(0, "stdout", "F", "a"), line(1, "stdout", "F", "b"));
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        K8sFileLogReader reader = new K8sFileLogReader(log, options(true, null, null, 1, true, true), running::get);
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> drain(reader, seen));

        Poll.until("tail", () -> seen.size() == 1);
        append(log, line(2, "stdout", "F", "c"));
        Poll.until("new line", () -> seen.size() == 2);
        running.set(false);

        follower.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(seen).containsExactly("b", "c");
    }

    @Test
    void closeFromAnotherThreadUnblocksAFollower() throws Exception {
        Path log = write(line(0, "stdout", "F", "a"));
        List<String> seen = new CopyOnWriteArrayList<>();
        K8sFileLogReader reader = new K8sFileLogReader(log, options(true, null, null, -1, true, true), () -> true);
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> drain(reader, seen));
        Poll.until("first line", () -> seen.size() == 1);

        reader.close();

        follower.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(reader.next()).isNull();
        reader.close();
    }

    @Test
    void followWaitsForTheFileToAppear() throws Exception {
        Path log = dir.resolve("later.log");
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        K8sFileLogReader reader = new K8sFileLogReader(log, options(true, null, null, -1, true, true), running::get);
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> drain(reader, seen));

        append(log, line(0, "stdout", "F", "hello"));
        Poll.until("line in new file", () -> seen.size() == 1);
        running.set(false);

        follower.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(seen).containsExactly("hello");
    }

    private static void drain(K8sFileLogReader reader, List<String> seen) {
        try {
            LogEntry entry;
            while ((entry = reader.next()) != null) {
                seen.add(entry.text());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LogOptions options(boolean follow, Instant since, Instant until, int tail, boolean out,
            boolean err) {
        return new LogOptions(follow, since, until, tail, false, out, err);
    }

    private static List<String> texts(Path log, LogOptions options) throws InterruptedException {
        return readAll(log, options).stream().map(LogEntry::text).toList();
    }

    private static List<LogEntry> readAll(Path log, LogOptions options) throws InterruptedException {
        List<LogEntry> entries = new ArrayList<>();
        try (K8sFileLogReader reader = new K8sFileLogReader(log, options, () -> false)) {
            LogEntry entry;
            while ((entry = reader.next()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private Path write(String... lines) throws IOException {
        Path log = dir.resolve("ctr.log");
        for (String line : lines) {
            append(log, line);
        }
        return log;
    }

    private static void append(Path log, String line) throws IOException {
        Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String line(int second, String stream, String tag, String text) {
        return T0.plusSeconds(second) + " " + stream + " " + tag + " " + text;
    }
}
