package io.berth.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.Mount;
import io.berth.api.container.Resources;
import io.berth.api.container.RestartPolicy;
import io.berth.api.error.BerthException;

class ContainerStoreTest {

    private static final String ID = "c".repeat(64);

    @TempDir
    Path dir;

    @Test
    void recordsSurviveARoundTrip() {
        ContainerStore store = new ContainerStore(dir);
        ContainerRecord record = sample(ID);

        store.save(record);

        assertThat(store.loadAll()).containsExactly(record);
    }

    @Test
    void theFileHoldsOnlyTheRecordsFields() throws IOException {
        ContainerStore store = new ContainerStore(dir);
        store.save(sample(ID));

        JsonNode json = Json.mapper().readTree(store.recordFile(ID).toFile());

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "name", "created", "image", "imageId", "runtime", "spec", "state",
                "restartCount", "manuallyStopped", "anonymousVolumes");
        assertThat(json.path("created").asText()).isEqualTo("2026-11-27T16:00:00Z");
        assertThat(json.path("state").has("running")).isFalse();
        assertThat(json.path("state").path("status").asText()).isEqualTo("EXITED");
    }

    @Test
    void tornTempFilesAreIgnoredAndCleanedUp() throws IOException {
        ContainerStore store = new ContainerStore(dir);
        store.save(sample(ID));
        Path torn = store.dir(ID).resolve(".container.json.tmp-0f0f");
        Files.writeString(torn, "{\"id\": \"" + ID + "\", \"na");

        assertThat(store.loadAll()).extracting(ContainerRecord::id).containsExactly(ID);
        assertThat(torn).doesNotExist();
    }

    @Test
    void unreadableRecordsAreSkippedButKept() throws IOException {
        ContainerStore store = new ContainerStore(dir);
        store.save(sample(ID));
        String brokenId = "d".repeat(64);
        Files.createDirectories(store.dir(brokenId));
        Files.writeString(store.recordFile(brokenId), "{ not json");
        String misplacedId = "e".repeat(64);
        Files.createDirectories(store.dir(misplacedId));
        Files.writeString(store.recordFile(misplacedId), Files.readString(store.recordFile(ID)));
        Files.createDirectories(dir.resolve("empty-dir"));

        assertThat(store.loadAll()).extracting(ContainerRecord::id).containsExactly(ID);
        assertThat(store.recordFile(brokenId)).exists();
        assertThat(store.recordFile(misplacedId)).exists();
    }

    @Test
    void deleteRemovesTheWholeDirectory() throws IOException {
        ContainerStore store = new ContainerStore(dir);
        store.save(sample(ID));
        Files.createDirectories(store.bundleDir(ID));
        Files.writeString(store.bundleDir(ID).resolve("config.json"), "{}");

        store.delete(ID);
        store.delete(ID);

        assertThat(store.dir(ID)).doesNotExist();
    }

    @Test
    void whatInterruptedCreatesAndDeletionsLeftIsDeletedAtLoad() throws IOException {
        ContainerStore store = new ContainerStore(dir);
        store.save(sample(ID));
        String createdId = "d".repeat(64);
        Files.createDirectories(store.dir(createdId));
        Files.writeString(store.dir(createdId).resolve(".container.json.tmp-1"), "{\"id\":");
        Path halfDeleted = Files.createDirectories(dir.resolve(".removed-" + "e".repeat(64)).resolve("bundle"));
        Files.writeString(halfDeleted.resolve("config.json"), "{}");

        assertThat(store.loadAll()).extracting(ContainerRecord::id).containsExactly(ID);
        assertThat(store.dir(createdId)).doesNotExist();
        assertThat(dir.resolve(".removed-" + "e".repeat(64))).doesNotExist();
        assertThat(store.dir(ID)).exists();
    }

    @Test
    void saveFailsWithAMessageWhenTheDiskRefuses() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        ContainerStore store = new ContainerStore(file);

        assertThatThrownBy(() -> store.save(sample(ID))).isInstanceOf(BerthException.class)
                .hasMessageStartingWith("cannot save container " + ID);
    }

    static ContainerRecord sample(String id) {
        ContainerSpec spec = ContainerSpec.builder("busybox").cmd("sleep", "1").entrypoint(List.of("/init"))
                .env(List.of("A=1")).labels(Map.of("k", "v")).tty(true).runtime("mock")
                .mounts(List.of(new Mount(Mount.Type.BIND, "/src", "/dst", true)))
                .resources(new Resources(1024, 2, 3, 4, 5, 6))
                .restartPolicy(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 3)).stopTimeout(5)
                .build();
        ContainerState state = new ContainerState(ContainerStatus.EXITED, 0, 143, "oops", false,
                Instant.parse("2026-11-27T16:41:53.600148797Z"), Instant.parse("2026-11-27T16:42:00Z"));
        return new ContainerRecord(id, "focused_turing", Instant.parse("2026-11-27T16:00:00Z"), "busybox",
                "sha256:" + "b".repeat(64), "mock", spec, state, 2, true, List.of("vol1"));
    }
}
