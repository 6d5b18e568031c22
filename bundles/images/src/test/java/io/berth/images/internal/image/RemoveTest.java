package io.berth.images.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageRemoval;
import io.berth.api.image.ImportOptions;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.testing.FileListing;

class RemoveTest {

    private static final String CONTAINER = "c0ffee0123456789c0ffee0123456789c0ffee0123456789c0ffee0123456789";

    @TempDir
    Path root;

    private ImageFixture fx;
    private ImageInfo busybox;
    private String shortId;

    @BeforeEach
    void open() {
        fx = new ImageFixture(root);
        busybox = fx.importTar(ImageFixture.rootfs("busybox"), "busybox");
        shortId = Sha256.shortId(busybox.id());
        fx.events.clear();
    }

    @Test
    void removingTheLastReferenceDeletesTheImageAndItsContent() {
        List<ImageRemoval> removed = fx.service.remove("busybox", false, false);

        assertThat(removed).containsExactly(ImageRemoval.untagged("busybox:latest"),
                ImageRemoval.deleted(busybox.id()));
        assertThat(fx.service.list(true)).isEmpty();
        assertThat(fx.metadata(busybox.id())).doesNotExist();
        assertThat(fx.blob(busybox.id())).doesNotExist();
        assertThat(fx.layer(busybox.diffIds().get(0))).doesNotExist();
        assertThat(FileListing.of(fx.imagesDir.resolve("blobs/sha256"))).containsExactly("");
        assertThat(FileListing.of(fx.imagesDir.resolve("layers"))).containsExactly("");
        assertThat(fx.events.summary()).containsExactly("untag " + busybox.id(), "delete " + busybox.id());
    }

    @Test
    void removingOneOfSeveralReferencesOnlyUntags() {
        fx.service.tag("busybox", "mybox:1");
        assertThat(fx.service.remove("mybox:1", false, false)).containsExactly(ImageRemoval.untagged("mybox:1"));
        assertThat(fx.service.inspect(busybox.id()).repoTags()).containsExactly("docker.io/library/busybox:latest");
    }

    @Test
    void lastReferenceOfAnImageInUseNeedsForce() {
        fx.usage.put(busybox.id(), List.of(CONTAINER));
        assertThatThrownBy(() -> fx.service.remove("busybox", false, false))
                .isInstanceOf(ConflictException.class)
                .hasMessage("conflict: unable to remove repository reference \"busybox\" (must force) - container "
                        + "c0ffee012345 is using its referenced image " + shortId);
        assertThat(fx.service.inspect("busybox").id()).isEqualTo(busybox.id());
        assertThat(fx.events.events()).isEmpty();
    }

    @Test
    void forcedRemovalOfAnImageInUseOnlyUntags() {
        fx.usage.put(busybox.id(), List.of(CONTAINER));
        assertThat(fx.service.remove("busybox", true, false)).containsExactly(ImageRemoval.untagged("busybox:latest"));
        assertThat(fx.service.inspect(busybox.id()).dangling()).isTrue();
        assertThat(fx.layer(busybox.diffIds().get(0))).exists();
    }

    @Test
    void anotherReferenceOfAnImageInUseCanGoWithoutForce() {
        fx.usage.put(busybox.id(), List.of(CONTAINER));
        fx.service.tag("busybox", "second");
        assertThat(fx.service.remove("second", false, false)).containsExactly(ImageRemoval.untagged("second:latest"));
    }

    @Test
    void byIdWithSeveralReferencesNeedsForce() {
        fx.service.tag("busybox", "other:1");
        assertThatThrownBy(() -> fx.service.remove(busybox.id(), false, false))
                .isInstanceOf(ConflictException.class)
                .hasMessage("conflict: unable to delete " + shortId
                        + " (must be forced) - image is referenced in multiple repositories");

        List<ImageRemoval> removed = fx.service.remove(shortId, true, false);
        assertThat(removed).containsExactly(ImageRemoval.untagged("busybox:latest"),
                ImageRemoval.untagged("other:1"), ImageRemoval.deleted(busybox.id()));
        assertThat(fx.service.list(true)).isEmpty();
    }

    @Test
    void byIdWithOneReferenceUntagsAndDeletes() {
        assertThat(fx.service.remove(busybox.id(), false, false)).containsExactly(
                ImageRemoval.untagged("busybox:latest"), ImageRemoval.deleted(busybox.id()));
    }

    @Test
    void byIdOfAnImageInUseIsRefusedAndForceOnlyUntags() {
        fx.usage.put(busybox.id(), List.of(CONTAINER));
        assertThatThrownBy(() -> fx.service.remove(busybox.id(), false, false))
                .isInstanceOf(ConflictException.class)
                .hasMessage("conflict: unable to delete " + shortId
                        + " (cannot be forced) - image is being used by container c0ffee012345");

        assertThat(fx.service.remove(busybox.id(), true, false))
                .containsExactly(ImageRemoval.untagged("busybox:latest"));
        assertThat(fx.service.inspect(busybox.id()).dangling()).isTrue();
    }

    @Test
    void danglingImageIsDeletedById() {
        ImageInfo dangling = fx.importTar(ImageFixture.rootfs("d"), new ImportOptions(null, null, null));
        assertThat(fx.service.remove(dangling.id(), false, false)).containsExactly(ImageRemoval.deleted(dangling.id()));
    }

    @Test
    void sharedLayerStaysUntilItsLastImageGoes() {
        ImageInfo twin = fx.importTar(ImageFixture.rootfs("busybox"), "twin");
        Path layer = fx.layer(busybox.diffIds().get(0));

        fx.service.remove("busybox", false, false);
        assertThat(layer).exists();
        assertThat(fx.service.inspect("twin").diffIds()).isEqualTo(busybox.diffIds());

        fx.service.remove("twin", false, false);
        assertThat(layer).doesNotExist();
        assertThat(fx.blob(twin.diffIds().get(0))).doesNotExist();
    }

    @Test
    void withoutAnEngineImagesAreDeletedFreely() {
        fx.usage.put(busybox.id(), List.of(CONTAINER));
        fx.usageAvailable = false;
        assertThat(fx.service.remove("busybox", false, false)).hasSize(2);
    }

    @Test
    void unknownImagesAreNotFound() {
        assertThatThrownBy(() -> fx.service.remove("nosuch", false, false)).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: nosuch:latest");
        assertThatThrownBy(() -> fx.service.remove("busybox:2", true, false)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theEngineMayCallIntoTheStoreFromAnotherThreadWhileAnswering() {
        ImageServiceImpl[] service = new ImageServiceImpl[1];
        service[0] = new ImageServiceImpl(fx.store, () -> id -> {
            // an engine that holds its own lock and asks the store on another thread must not deadlock
            return CompletableFuture.supplyAsync(() -> service[0].inspect(id).repoTags()).join();
        }, () -> fx.events, fx.clock);
        assertThatThrownBy(() -> service[0].remove("busybox", false, false)).isInstanceOf(ConflictException.class);
    }
}
