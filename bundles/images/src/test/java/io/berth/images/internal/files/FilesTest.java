package io.berth.images.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.BerthException;
import io.berth.images.internal.testing.FileListing;

class FilesTest {

    @TempDir
    Path tmp;

    @Test
    void atomicWriteReplacesWithoutLeavingTempFiles() throws IOException {
        Path file = tmp.resolve("record.json");
        AtomicFiles.write(file, "one".getBytes());
        AtomicFiles.write(file, "two".getBytes());
        assertThat(file).hasContent("two");
        assertThat(FileListing.of(tmp)).containsExactly("", "record.json");
    }

    @Test
    void aNewFileIsWrittenUnderItsNameAndNeverReplaced() throws IOException {
        Path file = tmp.resolve("overlay.json");
        AtomicFiles.writeNew(file, "{}".getBytes());

        assertThat(file).hasContent("{}");
        assertThat(FileListing.of(tmp)).containsExactlyInAnyOrder("", "overlay.json");
        assertThatThrownBy(() -> AtomicFiles.writeNew(file, "[]".getBytes()))
                .isInstanceOf(BerthException.class).hasMessageContaining("cannot write " + file);
        assertThat(file).hasContent("{}");
    }

    @Test
    void deleteRecursivelyNeverFollowsLinks() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("sentinel"), "keep");
        Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.createSymbolicLink(tree.resolve("dirlink"), outside);
        Files.createSymbolicLink(tmp.resolve("tree/filelink"), outside.resolve("sentinel"));
        Files.writeString(tree.resolve("f"), "x");
        PosixAttributes.setMode(tmp.resolve("tree/a"), 0500);

        FileTrees.deleteRecursively(tmp.resolve("tree"));

        assertThat(tmp.resolve("tree")).doesNotExist();
        assertThat(outside.resolve("sentinel")).hasContent("keep");
        FileTrees.deleteRecursively(tmp.resolve("tree"));
    }

    @Test
    void regularFileBytesCountsHardLinksOnce() throws IOException {
        Files.writeString(tmp.resolve("a"), "12345");
        Files.createLink(tmp.resolve("b"), tmp.resolve("a"));
        Files.createSymbolicLink(tmp.resolve("c"), tmp.resolve("a"));
        Files.createDirectory(tmp.resolve("d"));
        Files.writeString(tmp.resolve("d/e"), "67");
        assertThat(FileTrees.regularFileBytes(tmp)).isEqualTo(7);
    }

    @Test
    void modesRoundTripIncludingSpecialBits() throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        PosixAttributes.setMode(file, 06755);
        assertThat(PosixAttributes.mode(file)).isEqualTo(06755);
        assertThat(PosixAttributes.permissions(0640)).hasSize(3);
    }

    @Test
    void teeCopiesEverythingReadAndReportsSinkFailuresSeparately() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        TeeInputStream tee = new TeeInputStream(new ByteArrayInputStream("abcdef".getBytes()), sink);
        assertThat(tee.read()).isEqualTo('a');
        assertThat(tee.readNBytes(2)).isEqualTo("bc".getBytes());
        assertThat(tee.skip(1)).isEqualTo(1);
        tee.transferTo(OutputStream.nullOutputStream());
        assertThat(sink.toString()).isEqualTo("abcdef");

        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        TeeInputStream broken = new TeeInputStream(new ByteArrayInputStream(new byte[10]), failing);
        assertThatThrownBy(() -> broken.read(new byte[4])).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk full");
    }

    @Test
    void tempNames() {
        assertThat(TempNames.next()).startsWith(".tmp-").isNotEqualTo(TempNames.next());
        assertThat(TempNames.isTemporary(".tmp-abc")).isTrue();
        assertThat(TempNames.isTemporary("abc")).isFalse();
    }
}
