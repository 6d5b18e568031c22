package io.berth.images.internal.image;

import static io.berth.images.internal.image.LoadTest.CREATED;
import static io.berth.images.internal.image.LoadTest.app;
import static io.berth.images.internal.image.LoadTest.base;
import static io.berth.images.internal.testing.ImageArchives.dockerSave;
import static io.berth.images.internal.testing.ImageArchives.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.NotFoundException;
import io.berth.api.image.HistoryEntry;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageRemoval;
import io.berth.api.image.ImportOptions;
import io.berth.api.image.PruneResult;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.testing.ImageArchives.TestImage;

class HistoryAndPruneTest {

    @TempDir
    Path tmp;

    private ImageFixture fixture;
    private TestImage tagged;
    private TestImage dangling;

    @BeforeEach
    void load() {
        fixture = new ImageFixture(tmp);
        tagged = image(CREATED, List.of("busybox:latest", "busybox:1"), base(), app("tagged"));
        dangling = image(CREATED, List.of(), base(), app("dangling"));
        fixture.service.load(new ByteArrayInputStream(dockerSave(tagged, dangling).bytes()), null);
    }

    @Test
    void historyIsNewestFirstWithLayerSizes() {
        List<HistoryEntry> history = fixture.service.history("busybox:1");

        assertThat(history).hasSize(4);
        assertThat(history.get(0).id()).isEqualTo(tagged.id());
        assertThat(history.get(0).tags()).containsExactly("busybox:1", "busybox:latest");
        assertThat(history.get(0).createdBy()).isEqualTo("/bin/sh -c #(nop)  CMD [\"sh\"]");
        assertThat(history.get(0).size()).isZero();
        assertThat(history.get(1).id()).isEqualTo("<missing>");
        assertThat(history.get(1).createdBy()).isEqualTo("/bin/sh -c #(nop) ADD layer 1");
        assertThat(history.get(1).size()).isEqualTo("tagged".length());
        assertThat(history.get(3).size()).isEqualTo("binary".length() + "root:x:0:0".length() + "root:x:0".length());
        assertThat(history).allMatch(h -> Instant.parse(CREATED).equals(h.created()));
    }

    @Test
    void historyOfAnImportedImageCarriesItsMessage() {
        ImageInfo imported = fixture.importTar(ImageFixture.rootfs("m"),
                new ImportOptions(null, "from a tarball", null));

        List<HistoryEntry> history = fixture.service.history(imported.id());

        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.comment()).isEqualTo("from a tarball");
            assertThat(h.size()).isEqualTo(imported.size());
            assertThat(h.tags()).isEmpty();
        });
    }

    @Test
    void historyOfAnUnknownImageIsNotFound() {
        assertThatThrownBy(() -> fixture.service.history("nosuch")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: nosuch:latest");
    }

    @Test
    void pruneDeletesDanglingImagesOnly() {
        PruneResult result = fixture.service.prune(false);

        assertThat(result.removed()).containsExactly(ImageRemoval.deleted(dangling.id()));
        assertThat(result.spaceReclaimed()).isEqualTo("dangling".length());
        assertThat(fixture.service.list(true)).extracting(ImageInfo::id).containsExactly(tagged.id());
        assertThat(fixture.layer(Sha256.of(app("dangling")))).doesNotExist();
        assertThat(fixture.layer(Sha256.of(base()))).as("shared with the tagged image").isDirectory();
        assertThat(fixture.events.summary()).endsWith("delete " + dangling.id());
    }

    @Test
    void pruneAllUntagsAndDeletesEveryUnusedImage() {
        PruneResult result = fixture.service.prune(true);

        assertThat(result.removed()).containsExactlyInAnyOrder(ImageRemoval.untagged("busybox:1"),
                ImageRemoval.untagged("busybox:latest"), ImageRemoval.deleted(tagged.id()),
                ImageRemoval.deleted(dangling.id()));
        assertThat(result.spaceReclaimed()).isEqualTo("binary".length() + "root:x:0:0".length()
                + "root:x:0".length() + "tagged".length() + "dangling".length());
        assertThat(fixture.service.list(true)).isEmpty();
    }

    @Test
    void pruneNeverDeletesImagesContainersUse() {
        fixture.usage.put(dangling.id(), List.of("c1"));
        fixture.usage.put(tagged.id(), List.of("c2"));

        PruneResult result = fixture.service.prune(true);

        assertThat(result.removed()).isEmpty();
        assertThat(result.spaceReclaimed()).isZero();
        assertThat(fixture.service.list(true)).hasSize(2);
        assertThat(fixture.service.inspect("busybox").repoTags()).hasSize(2);
    }

    @Test
    void pruneOfNothingReportsNothing() {
        fixture.service.prune(false);

        PruneResult second = fixture.service.prune(false);

        assertThat(second.removed()).isEmpty();
        assertThat(second.spaceReclaimed()).isZero();
    }
}
