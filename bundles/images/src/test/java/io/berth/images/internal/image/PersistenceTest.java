package io.berth.images.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.NotFoundException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;
import io.berth.images.internal.files.PosixAttributes;
import io.berth.images.internal.testing.FileListing;

class PersistenceTest {

    @TempDir
    Path root;

    private ImageFixture fx;

    @BeforeEach
    void open() {
        fx = new ImageFixture(root);
    }

    @Test
    void aNewStoreInstanceSeesTheImagesAndReferences() {
        ImageInfo busybox = fx.importTar(ImageFixture.rootfs("busybox"), "busybox");
        fx.service.tag("busybox", "localhost:5000/busybox:1");
        ImageInfo dangling = fx.importTar(ImageFixture.rootfs("dangling"), new ImportOptions(null,
                "msg", List.of("CMD [\"sh\"]")));
        var before = fx.service.list(true);

        fx.reopen();

        assertThat(fx.service.list(true)).isEqualTo(before);
        assertThat(fx.service.inspect("localhost:5000/busybox:1").id()).isEqualTo(busybox.id());
        assertThat(fx.service.inspect(dangling.id()).config().cmd()).containsExactly("sh");
        assertThat(fx.service.inspect(dangling.id()).comment()).isEqualTo("msg");
    }

    @Test
    void theStoreIsPrivateToItsOwner() throws IOException {
        PosixAttributes.setMode(fx.imagesDir, 0755);
        fx.reopen();
        assertThat(PosixAttributes.mode(fx.imagesDir)).isEqualTo(0700);
    }

    @Test
    void removalsPersist() {
        fx.importTar(ImageFixture.rootfs("a"), "a");
        fx.importTar(ImageFixture.rootfs("b"), "b");
        fx.service.remove("a", false, false);
        fx.reopen();
        assertThat(fx.service.list(true)).extracting(i -> i.repoTags().get(0)).containsExactly("docker.io/library/b:latest");
    }

    @Test
    void leftoversOfInterruptedWritesAreRemovedAtStart() throws IOException {
        ImageInfo kept = fx.importTar(ImageFixture.rootfs("kept"), "kept");
        Files.writeString(fx.imagesDir.resolve("blobs/sha256/.tmp-0001"), "half a blob");
        Files.createDirectories(fx.imagesDir.resolve("layers/.tmp-0002/usr/bin"));
        Files.createSymbolicLink(fx.imagesDir.resolve("layers/.tmp-0002/escape"), root);
        Files.writeString(fx.imagesDir.resolve("metadata/.tmp-0003"), "{");
        Files.writeString(fx.imagesDir.resolve(".tmp-0004"), "{\"references\":");
        Files.createDirectories(fx.imagesDir.resolve("snapshots/.tmp-0005/rootfs/etc"));

        fx.reopen();

        assertThat(FileListing.of(fx.imagesDir)).noneMatch(p -> p.contains(".tmp-"));
        assertThat(fx.service.inspect("kept").id()).isEqualTo(kept.id());
        assertThat(root).as("the symlink inside a leftover was not followed").isDirectory();
        assertThat(fx.imagesDir.resolve("repositories.json")).exists();
    }

    @Test
    void contentNoImageUsesIsRemovedAtStart() throws IOException {
        ImageInfo kept = fx.importTar(ImageFixture.rootfs("kept"), "kept");
        ImageInfo orphan = fx.importTar(ImageFixture.rootfs("orphan"), "orphan");
        Files.delete(fx.metadata(orphan.id()));

        fx.reopen();

        assertThat(fx.service.list(true)).extracting(ImageInfo::id).containsExactly(kept.id());
        assertThat(fx.blob(orphan.id())).doesNotExist();
        assertThat(fx.layer(orphan.diffIds().get(0))).doesNotExist();
        assertThat(fx.layer(kept.diffIds().get(0))).exists();
        assertThat(Files.readString(fx.imagesDir.resolve("repositories.json"))).doesNotContain("orphan");
    }

    @Test
    void unreadableMetadataKeepsAllContent() throws IOException {
        ImageInfo broken = fx.importTar(ImageFixture.rootfs("broken"), "broken");
        Files.writeString(fx.metadata(broken.id()), "not json");

        fx.reopen();

        assertThat(fx.service.list(true)).isEmpty();
        assertThat(fx.layer(broken.diffIds().get(0))).as("kept for a manual repair").exists();
        assertThat(fx.blob(broken.id())).exists();
        assertThat(Files.readString(fx.imagesDir.resolve("repositories.json"))).contains("broken");
        assertThatThrownBy(() -> fx.service.inspect("broken")).isInstanceOf(NotFoundException.class);
    }
}
