package io.berth.images.internal.image;

import static io.berth.images.internal.testing.ImageArchives.dockerSave;
import static io.berth.images.internal.testing.ImageArchives.docker25;
import static io.berth.images.internal.testing.ImageArchives.gzipImage;
import static io.berth.images.internal.testing.ImageArchives.image;
import static io.berth.images.internal.testing.ImageArchives.ociLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.LoadResult;
import io.berth.api.image.ProgressEvent;
import io.berth.images.internal.snapshot.CopySnapshotService;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.ImageArchives;
import io.berth.images.internal.testing.ImageArchives.TestImage;
import io.berth.images.internal.testing.TarBuilder;

class LoadTest {

    static final String CREATED = "2024-02-03T04:05:06Z";

    @TempDir
    Path tmp;

    private ImageFixture fixture;

    @BeforeEach
    void open() {
        fixture = new ImageFixture(tmp);
    }

    static byte[] base() {
        return new TarBuilder().dir("bin").file("bin/busybox", "binary", 0755).symlink("bin/sh", "busybox")
                .dir("etc").file("etc/passwd", "root:x:0:0").file("etc/group", "root:x:0").bytes();
    }

    static byte[] app(String marker) {
        return new TarBuilder().dir("etc").file("etc/.wh.group", "").dir("app").file("app/marker", marker).bytes();
    }

    private LoadResult load(byte[] archive) {
        return fixture.service.load(new ByteArrayInputStream(archive), null);
    }

    @Test
    void loadsAClassicDockerSaveArchiveWithSharedLayers() throws Exception {
        TestImage one = image(CREATED, List.of("busybox:latest"), base(), app("one"));
        TestImage two = gzipImage(CREATED, List.of("example.com/team/app:2"), base(), app("two"));

        LoadResult result = load(dockerSave(one, two).bytes());

        assertThat(result.references()).containsExactly("busybox:latest", "example.com/team/app:2");
        assertThat(result.imageIds()).isEmpty();
        ImageInfo busybox = fixture.service.inspect("busybox");
        assertThat(busybox.id()).isEqualTo(one.id());
        assertThat(busybox.diffIds()).containsExactly(Sha256.of(base()), Sha256.of(app("one")));
        assertThat(fixture.service.inspect("example.com/team/app:2").id()).isEqualTo(two.id());
        assertThat(FileListing.of(fixture.imagesDir.resolve("layers")).stream()
                .filter(p -> !p.contains("/") && !p.isEmpty() && !p.endsWith(".json")))
                .as("the shared base layer is unpacked once").hasSize(3);
        Path rootfs = new CopySnapshotService(fixture.store).prepare("c1", "busybox");
        assertThat(rootfs.resolve("app/marker")).hasContent("one");
        assertThat(rootfs.resolve("etc/passwd")).hasContent("root:x:0:0");
        assertThat(rootfs.resolve("etc/group")).as("whited out by the upper layer").doesNotExist();
    }

    @Test
    void loadsDocker25Archives() {
        TestImage one = gzipImage(CREATED, List.of("busybox:1.36"), base(), app("x"));

        LoadResult result = load(docker25(one).bytes());

        assertThat(result.references()).containsExactly("busybox:1.36");
        assertThat(fixture.service.inspect("busybox:1.36").id()).isEqualTo(one.id());
    }

    @Test
    void followsSymlinksFromTheClassicPathsIntoTheBlobs() {
        TestImage one = gzipImage(CREATED, List.of("busybox:1.37"), base());
        String layerHex = Sha256.of(one.blobs().get(0)).substring(7);
        TarBuilder tar = docker25(one.withTags(List.of())).dir("v1").symlink("v1/layer.tar", "../blobs/sha256/"
                + layerHex).symlink(one.hex() + ".json", "blobs/sha256/" + one.hex());
        byte[] archive = replaceManifest(tar, ImageArchives.json(List.of(Map.of("Config", one.hex() + ".json",
                "RepoTags", one.tags(), "Layers", List.of("v1/layer.tar")))));

        LoadResult result = load(archive);

        assertThat(result.references()).containsExactly("busybox:1.37");
        assertThat(fixture.service.inspect("busybox:1.37").id()).isEqualTo(one.id());
    }

    /** The archive with a second manifest.json instead of the first (entries named manifest.json are dropped). */
    private static byte[] replaceManifest(TarBuilder tar, byte[] manifest) {
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new ByteArrayInputStream(tar.bytes()))) {
            TarBuilder copy = new TarBuilder();
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("manifest.json")) {
                    continue;
                }
                if (e.isSymbolicLink()) {
                    copy.symlink(e.getName(), e.getLinkName());
                } else if (e.isDirectory()) {
                    copy.dir(e.getName());
                } else {
                    copy.file(e.getName(), in.readAllBytes());
                }
            }
            return copy.file("manifest.json", manifest).bytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void loadsOciLayoutsPickingThePlatformFromAnIndex() {
        TestImage one = gzipImage(CREATED, List.of(), base());

        LoadResult result = load(ociLayout(one, Map.of("io.containerd.image.name",
                "docker.io/library/alpine:3.19", "org.opencontainers.image.ref.name", "3.19"), true).bytes());

        assertThat(result.references()).containsExactly("alpine:3.19");
        assertThat(fixture.service.inspect("alpine:3.19").id()).isEqualTo(one.id());
    }

    @Test
    void anOciLayoutNamedOnlyByATagLoadsUntagged() {
        TestImage one = image(CREATED, List.of(), base());

        LoadResult result = load(ociLayout(one, Map.of("org.opencontainers.image.ref.name", "latest"), false)
                .bytes());

        assertThat(result.references()).isEmpty();
        assertThat(result.imageIds()).containsExactly(one.id());
        assertThat(fixture.service.inspect(one.id()).repoTags()).isEmpty();
    }

    @Test
    void acceptsAGzipCompressedArchive() {
        TestImage one = image(CREATED, List.of("busybox:latest"), base());

        load(TarBuilder.gzip(dockerSave(one).bytes()));

        assertThat(fixture.service.inspect("busybox").id()).isEqualTo(one.id());
    }

    @Test
    void reportsLoadingProgressPerLayer() {
        byte[] big = new TarBuilder().file("big", "x".repeat(3 << 20)).bytes();
        TestImage one = image(CREATED, List.of("big:1"), base(), big);
        List<ProgressEvent> events = new ArrayList<>();

        fixture.service.load(new ByteArrayInputStream(dockerSave(one).bytes()), events::add);

        String bigId = Sha256.shortId(Sha256.of(big));
        List<ProgressEvent> bigEvents = events.stream().filter(e -> e.id().equals(bigId)).toList();
        assertThat(bigEvents).hasSizeGreaterThan(2).allMatch(e -> e.status().equals("Loading layer")
                && e.total() == big.length);
        assertThat(bigEvents.get(bigEvents.size() - 1).current()).isEqualTo(big.length);
        assertThat(events).anyMatch(e -> e.id().equals(Sha256.shortId(Sha256.of(base()))));
    }

    @Test
    void publishesTagAndLoadEvents() {
        TestImage one = image(CREATED, List.of("busybox:latest"), base());

        load(dockerSave(one).bytes());

        assertThat(fixture.events.summary()).containsExactly("tag busybox:latest", "load " + one.id());
    }

    @Test
    void loadingTwiceIsHarmlessAndMovesTags() {
        TestImage one = image(CREATED, List.of("busybox:latest"), base());
        TestImage two = image("2025-01-01T00:00:00Z", List.of("busybox:latest"), base(), app("2"));
        load(dockerSave(one).bytes());
        load(dockerSave(one).bytes());

        load(dockerSave(two).bytes());

        assertThat(fixture.service.inspect("busybox").id()).isEqualTo(two.id());
        assertThat(fixture.service.inspect(one.id()).repoTags()).isEmpty();
        assertThat(fixture.service.list(true)).hasSize(2);
    }

    @Test
    void zstdLayersAreRefusedByMediaType() {
        TestImage one = image(CREATED, List.of(), base());
        TarBuilder tar = new TarBuilder();
        byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0};
        byte[] manifest = ImageArchives.json(Map.of("schemaVersion", 2, "mediaType", ImageArchives.OCI_MANIFEST,
                "config", ImageArchives.descriptor(ImageArchives.OCI_CONFIG, one.config(), Map.of()),
                "layers", List.of(ImageArchives.descriptor("application/vnd.oci.image.layer.v1.tar+zstd", zstd,
                        Map.of()))));
        tar.file("blobs/sha256/" + Sha256.of(zstd).substring(7), zstd)
                .file("blobs/sha256/" + one.hex(), one.config())
                .file("blobs/sha256/" + Sha256.of(manifest).substring(7), manifest)
                .file("index.json", ImageArchives.json(Map.of("schemaVersion", 2, "manifests",
                        List.of(ImageArchives.descriptor(ImageArchives.OCI_MANIFEST, manifest, Map.of())))));
        List<String> before = FileListing.of(fixture.imagesDir);

        assertThatThrownBy(() -> load(tar.bytes())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("unsupported layer media type application/vnd.oci.image.layer.v1.tar+zstd");
        assertThat(FileListing.of(fixture.imagesDir)).isEqualTo(before);
    }

    @Test
    void zstdContentIsRefusedInDockerSaveArchivesToo() {
        byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0};
        TestImage one = image(CREATED, List.of("z:1"), base());
        TestImage withZstd = new TestImage(List.of(zstd), one.config(), one.tags());

        assertThatThrownBy(() -> load(dockerSave(withZstd).bytes())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("unsupported layer media type application/vnd.oci.image.layer.v1.tar+zstd");
    }

    @Test
    void aFailureInTheSecondImageRemovesTheFirstToo() {
        TestImage good = image(CREATED, List.of("good:1"), base(), app("good"));
        TestImage bad = image(CREATED, List.of("bad:1"), app("claimed"));
        TestImage lying = new TestImage(List.of(app("actual")), bad.config(), bad.tags());
        List<String> before = FileListing.of(fixture.imagesDir);

        assertThatThrownBy(() -> load(dockerSave(good, lying).bytes())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("layer content does not match its diff-id");

        assertThat(FileListing.of(fixture.imagesDir)).isEqualTo(before);
        assertThat(fixture.service.list(true)).isEmpty();
        assertThat(fixture.events.events()).isEmpty();
    }

    @Test
    void aLayerAlreadyPresentIsStillVerified() {
        TestImage good = image(CREATED, List.of("good:1"), base());
        load(dockerSave(good).bytes());
        TestImage lying = new TestImage(List.of(app("other")), good.config(), List.of("evil:1"));

        assertThatThrownBy(() -> load(dockerSave(lying).bytes())).hasMessageContaining("does not match its diff-id");
        assertThat(fixture.service.list(true)).hasSize(1);
    }
}
