package io.berth.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeReplacesTheTargetAndLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("sub/record.json");
        AtomicFiles.write(target, "old".getBytes());
        AtomicFiles.write(target, "new".getBytes());

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(listing(target.getParent())).containsExactly("record.json");
    }

    @Test
    void permissionsAreSetBeforeTheFileAppears() throws Exception {
        Path target = dir.resolve("wrapper.sh");
        AtomicFiles.write(target, "#!/bin/sh\n".getBytes(), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void concurrentWritersOfOneTargetNeverTearIt() throws Exception {
        Path target = dir.resolve("shared");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String content = ("writer-" + i).repeat(100);
            writes.add(pool.submit(() -> {
                AtomicFiles.write(target, content.getBytes());
                return null;
            }));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();

        assertThat(Files.readString(target)).matches("(writer-\\d+)\\1{99}");
        assertThat(listing(dir)).containsExactly("shared");
    }

    @Test
    void tempFilesAreRecognised() {
        assertThat(AtomicFiles.isTempFile(Path.of(".container.json.tmp-1234"))).isTrue();
        assertThat(AtomicFiles.isTempFile(Path.of("container.json"))).isFalse();
        assertThat(AtomicFiles.isTempFile(Path.of(".hidden"))).isFalse();
    }

    @Test
    void deleteIsIdempotent() throws Exception {
        Path target = dir.resolve("x");
        AtomicFiles.write(target, new byte[0]);
        AtomicFiles.delete(target);
        AtomicFiles.delete(target);
        assertThat(target).doesNotExist();
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
