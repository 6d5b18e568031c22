package io.berth.runtime.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.runtime.RuntimeStatus;

class StateStoreTest {

    @TempDir
    Path dir;

    private static ContainerRecord record(String id) {
        ContainerSetup setup = new ContainerSetup(id, Path.of("/b/" + id), Path.of("/l/" + id + ".log"),
                Path.of("/exits"), new ProcessSpec(List.of("sleep", "5"), List.of("A=1"), "/", false), true,
                100_007, Instant.parse("2026-11-27T16:41:53.600148797Z"), new ResourceLimits(64L << 20, 10));
        return new ContainerRecord(setup, RuntimeStatus.PAUSED, Instant.parse("2026-11-27T16:41:54Z"),
                Instant.parse("2026-11-27T16:41:55Z"), Duration.ofSeconds(3), 15, null,
                new ProcessProgress(0, 0, null, Duration.ofMillis(1500)));
    }

    @Test
    void savesAndLoadsRecordsUnchanged() {
        StateStore store = new StateStore(dir.resolve("state"));
        store.save(record("a"));
        store.save(record("b"));
        assertThat(new StateStore(dir.resolve("state")).loadAll()).containsExactlyInAnyOrder(record("a"),
                record("b"));
    }

    @Test
    void savingLeavesNoTempFilesBehind() throws Exception {
        StateStore store = new StateStore(dir);
        store.save(record("a"));
        store.save(record("a"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("a.json");
        }
    }

    @Test
    void deleteRemovesTheFileAndIgnoresUnknownIds() {
        StateStore store = new StateStore(dir);
        store.save(record("a"));
        store.delete("a");
        store.delete("never");
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void skipsTempFilesAndUnreadableOrMisplacedRecords() throws Exception {
        StateStore store = new StateStore(dir);
        store.save(record("good"));
        Files.writeString(dir.resolve(".half.json.tmp"), "{");
        Files.writeString(dir.resolve("broken.json"), "{ not json");
        Files.writeString(dir.resolve("empty.json"), "{}");
        Files.copy(dir.resolve("good.json"), dir.resolve("elsewhere.json"));
        assertThat(store.loadAll()).containsExactly(record("good"));
    }

    @Test
    void anAbsentDirectoryHoldsNothing() {
        assertThat(new StateStore(dir.resolve("missing")).loadAll()).isEmpty();
    }
}
