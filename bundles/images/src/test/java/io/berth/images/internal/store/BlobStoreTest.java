package io.berth.images.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.testing.FileListing;

class BlobStoreTest {

    @TempDir
    Path dir;

    private BlobStore blobs;

    @BeforeEach
    void create() {
        blobs = new BlobStore(dir);
    }

    @Test
    void storesContentUnderItsDigest() throws IOException {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        Blob blob = blobs.put(content);
        assertThat(blob.digest()).isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(blob.size()).isEqualTo(5);
        assertThat(blob.created()).isTrue();
        assertThat(blobs.read(blob.digest())).isEqualTo(content);
        assertThat(blobs.list()).containsExactly(blob.digest());
        assertThat(blobs.put(content).created()).isFalse();
        assertThat(FileListing.of(dir)).containsExactly("", Sha256.hex(blob.digest()));
    }

    @Test
    void mismatchingContentIsRejectedAndDiscarded() throws IOException {
        try (BlobWriter writer = blobs.newWriter()) {
            writer.stream().write(1);
            assertThatThrownBy(() -> writer.commit(Sha256.of(new byte[] {2})))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageStartingWith("blob digest mismatch");
        }
        assertThat(FileListing.of(dir)).containsExactly("");
    }

    @Test
    void uncommittedWritersLeaveNothing() throws IOException {
        try (BlobWriter writer = blobs.newWriter()) {
            writer.stream().write(new byte[1000]);
            assertThat(writer.seal()).isEqualTo(Sha256.of(new byte[1000]));
        }
        assertThat(FileListing.of(dir)).containsExactly("");
    }

    @Test
    void deleteIsIdempotentAndDigestsAreValidated() throws IOException {
        Blob blob = blobs.put(new byte[] {7});
        blobs.delete(blob.digest());
        blobs.delete(blob.digest());
        assertThat(blobs.exists(blob.digest())).isFalse();
        assertThatThrownBy(() -> blobs.path("sha256:../../etc/passwd")).isInstanceOf(InvalidArgumentException.class);
        Files.writeString(dir.resolve("not-a-digest"), "x");
        assertThat(blobs.list()).isEmpty();
    }
}
