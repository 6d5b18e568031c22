package io.berth.images.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.TarBuilder;

class LayerStoreTest {

    @TempDir
    Path tmp;

    private LayerStore layers;
    private Path archive;
    private byte[] tar;

    @BeforeEach
    void create() throws IOException {
        layers = new LayerStore(Files.createDirectory(tmp.resolve("layers")), new LayerUnpacker(false));
        tar = new TarBuilder().file("a", "1").file("b", "22").hardlink("c", "b").bytes();
        archive = Files.write(tmp.resolve("archive.tar.gz"), TarBuilder.gzip(tar));
    }

    @Test
    void unpacksOncePerDiffId() throws IOException {
        String diffId = Sha256.of(tar);
        assertThat(layers.unpack(archive, diffId)).isTrue();
        assertThat(layers.unpack(archive, diffId)).isFalse();
        assertThat(layers.path(diffId).resolve("b")).hasContent("22");
        assertThat(layers.size(diffId)).as("hard link counted once").isEqualTo(3);
        assertThat(layers.list()).containsExactly(diffId);
    }

    @Test
    void rejectsContentThatDoesNotMatchTheDiffId() {
        String wrong = Sha256.of(new byte[] {1});
        assertThatThrownBy(() -> layers.unpack(archive, wrong))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("layer content does not match its diff-id");
        assertThat(FileListing.of(tmp.resolve("layers"))).containsExactly("");
    }

    @Test
    void detachMovesTheLayerAway() throws IOException {
        String diffId = Sha256.of(tar);
        layers.unpack(archive, diffId);
        Path detached = layers.detach(diffId);
        assertThat(layers.exists(diffId)).isFalse();
        assertThat(detached.getFileName().toString()).startsWith(".tmp-");
        assertThat(layers.list()).isEmpty();
        assertThat(layers.detach(diffId)).isNull();
    }
}
