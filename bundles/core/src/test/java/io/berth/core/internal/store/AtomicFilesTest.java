package io.berth.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesWithoutLeavingTempFiles() throws IOException {
        Path target = dir.resolve("record.json");

        AtomicFiles.write(target, "old".getBytes());
        AtomicFiles.write(target, "new".getBytes());

        assertThat(target).hasContent("new");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void recognisesItsTempFiles() {
        assertThat(AtomicFiles.isTempFile(Path.of(".container.json.tmp-1234"))).isTrue();
        assertThat(AtomicFiles.isTempFile(Path.of("container.json"))).isFalse();
        assertThat(AtomicFiles.isTempFile(Path.of(".hidden"))).isFalse();
    }
}
