package io.berth.core.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.core.internal.testing.Poll;

class ExitMonitorTest {

    @TempDir
    Path dir;

    private final Map<String, Integer> exits = new ConcurrentHashMap<>();
    private ExitMonitor monitor;

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    void reportsFilesWrittenInPlaceOnceTheyHoldACode() throws IOException {
        start();

        Files.createFile(dir.resolve("a"));
        Files.writeString(dir.resolve("a"), "42");

        Poll.until("exit of a", () -> exits.containsKey("a"));
        assertThat(exits).containsEntry("a", 42);
    }

    @Test
    void reportsFilesRenamedIntoTheDirectoryAndIgnoresTempNames() throws IOException {
        start();

        Path temp = Files.writeString(dir.resolve(".b.tmp"), "137");
        Files.move(temp, dir.resolve("b"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dir.resolve(".c.tmp"), "1");

        Poll.until("exit of b", () -> exits.containsKey("b"));
        assertThat(exits).containsEntry("b", 137).doesNotContainKey(".c.tmp");
    }

    @Test
    void scansExitsWrittenBeforeItStarted() throws IOException {
        Files.writeString(dir.resolve("early"), "3");
        Files.writeString(dir.resolve("garbage"), "not a number");

        start();

        Poll.until("exit of early", () -> exits.containsKey("early"));
        assertThat(exits).doesNotContainKey("garbage");
    }

    @Test
    void closeIsIdempotentAndStopsReporting() throws IOException {
        start();
        monitor.close();
        monitor.close();

        Files.writeString(dir.resolve("late"), "1");

        assertThat(new ExitFiles(dir).read("late")).hasValue(1);
        assertThat(exits).isEmpty();
    }

    @Test
    void exitFilesReadAndDelete() throws IOException {
        ExitFiles files = new ExitFiles(dir);
        Files.writeString(files.fileOf("x"), "0");

        assertThat(files.read("x")).hasValue(0);
        assertThat(files.read("missing")).isEmpty();
        files.delete("x");
        files.delete("x");
        assertThat(files.fileOf("x")).doesNotExist();
    }

    @Test
    void watchesFurtherDirectoriesUntilTheirWatchIsClosed() throws IOException {
        start();
        Path session = Files.createDirectories(dir.resolve("session"));
        Path early = Files.createDirectories(dir.resolve("early-session"));
        Files.writeString(early.resolve("ctr"), "9");
        Map<String, Integer> sessionExits = new ConcurrentHashMap<>();

        ExitMonitor.Watch watch = monitor.watch(session, (name, code) -> sessionExits.put("session/" + name, code));
        monitor.watch(early, (name, code) -> sessionExits.put("early/" + name, code));
        Files.writeString(session.resolve("ctr"), "0");

        Poll.until("exit in the session dir", () -> sessionExits.containsKey("session/ctr"));
        assertThat(sessionExits).containsEntry("session/ctr", 0).containsEntry("early/ctr", 9);
        assertThat(exits).doesNotContainKey("ctr");

        watch.close();
        watch.close();
        Files.writeString(session.resolve("again"), "1");
        Files.writeString(dir.resolve("main"), "2");
        Poll.until("exit in the main dir", () -> exits.containsKey("main"));
        assertThat(sessionExits).doesNotContainKey("session/again");
    }

    @Test
    void aDeletedDirectoryStopsItsWatchQuietly() throws IOException {
        start();
        Path session = Files.createDirectories(dir.resolve("gone"));
        monitor.watch(session, (name, code) -> { });

        Files.delete(session);
        Files.writeString(dir.resolve("still"), "4");

        Poll.until("exit after the deletion", () -> exits.containsKey("still"));
    }

    @Test
    void watchNeedsARunningMonitor() {
        ExitMonitor idle = new ExitMonitor();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> idle.watch(dir, (name, code) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private void start() throws IOException {
        monitor = new ExitMonitor(dir, exits::put);
        monitor.start();
    }
}
