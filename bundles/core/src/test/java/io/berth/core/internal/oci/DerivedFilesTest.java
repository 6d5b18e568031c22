package io.berth.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivedFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("config.json");
        Files.writeString(target, "old and longer than the new content");

        DerivedFiles.replace(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacingSwapsTheFileSoThatAnOpenReaderKeepsTheOldContent() throws IOException {
        Path target = dir.resolve("hosts");
        Files.writeString(target, "old");
        Object before = Files.getAttribute(target, "unix:ino");

        DerivedFiles.replace(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.getAttribute(target, "unix:ino")).isNotEqualTo(before);
    }

    @Test
    void aMissingDirectoryFailsAndLeavesNothing() {
        Path target = dir.resolve("gone").resolve("config.json");

        assertThatThrownBy(() -> DerivedFiles.replace(target, new byte[1])).isInstanceOf(NoSuchFileException.class);
        assertThat(dir.resolve("gone")).doesNotExist();
    }
}
