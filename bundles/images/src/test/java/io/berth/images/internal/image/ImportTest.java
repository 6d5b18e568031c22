package io.berth.images.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;
import io.berth.images.internal.config.Platforms;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.TarBuilder;
import io.berth.images.internal.testing.TickingClock;

class ImportTest {

    @TempDir
    Path root;

    private ImageFixture fx;

    @BeforeEach
    void open() {
        fx = new ImageFixture(root);
    }

    @Test
    void importsAPlainTar() throws IOException {
        byte[] tar = ImageFixture.rootfs("plain");
        ImageInfo info = fx.importTar(tar, "busybox");

        String diffId = Sha256.of(tar);
        assertThat(info.id()).matches("sha256:[0-9a-f]{64}");
        assertThat(info.repoTags()).containsExactly("docker.io/library/busybox:latest");
        assertThat(info.diffIds()).containsExactly(diffId);
        assertThat(info.size()).isEqualTo("binary".length() + "plain".length());
        assertThat(info.os()).isEqualTo("linux");
        assertThat(info.architecture()).isEqualTo(Platforms.currentArchitecture());
        assertThat(info.created()).isEqualTo(TickingClock.START);
        assertThat(info.dangling()).isFalse();

        assertThat(fx.blob(diffId)).as("a plain tar is its own layer blob").hasBinaryContent(tar);
        assertThat(Sha256.of(Files.readAllBytes(fx.blob(info.id())))).as("id = digest of config").isEqualTo(info.id());
        assertThat(fx.metadata(info.id())).exists();
        Path layer = fx.layer(diffId);
        assertThat(layer.resolve("bin/busybox")).hasContent("binary");
        assertThat(Files.readSymbolicLink(layer.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
        assertThat(fx.events.summary()).containsExactly("tag busybox:latest", "import " + info.id());
    }

    @Test
    void importsAGzipTarWithDistinctBlobDigestAndDiffId() {
        byte[] tar = ImageFixture.rootfs("gz");
        byte[] gzip = TarBuilder.gzip(tar);
        ImageInfo info = fx.importTar(gzip, "localhost:5000/app:1");

        assertThat(info.diffIds()).containsExactly(Sha256.of(tar));
        assertThat(fx.blob(Sha256.of(gzip))).hasBinaryContent(gzip);
        assertThat(fx.blob(Sha256.of(tar))).doesNotExist();
        assertThat(fx.layer(Sha256.of(tar)).resolve("etc/marker")).hasContent("gz");
        assertThat(info.repoTags()).containsExactly("localhost:5000/app:1");
    }

    @Test
    void appliesChangesAndMessage() {
        ImportOptions options = new ImportOptions("app:v1", "from a tarball", List.of("CMD [\"/bin/sh\"]",
                "ENTRYPOINT /entry.sh", "ENV A=1 B=2", "WORKDIR /srv", "USER app", "LABEL x=y",
                "STOPSIGNAL SIGQUIT", "EXPOSE 8080", "VOLUME /data"));
        ImageInfo info = fx.importTar(ImageFixture.rootfs("changes"), options);

        assertThat(info.comment()).isEqualTo("from a tarball");
        assertThat(info.config().cmd()).containsExactly("/bin/sh");
        assertThat(info.config().entrypoint()).containsExactly("/bin/sh", "-c", "/entry.sh");
        assertThat(info.config().env()).containsExactly("A=1", "B=2");
        assertThat(info.config().workingDir()).isEqualTo("/srv");
        assertThat(info.config().user()).isEqualTo("app");
        assertThat(info.config().labels()).containsEntry("x", "y");
        assertThat(info.config().stopSignal()).isEqualTo("SIGQUIT");
        assertThat(info.config().exposedPorts()).containsExactly("8080/tcp");
        assertThat(info.config().volumes()).containsExactly("/data");
    }

    @Test
    void importWithoutReferenceIsDangling() {
        ImageInfo info = fx.importTar(ImageFixture.rootfs("untagged"), new ImportOptions(null, null, null));
        assertThat(info.dangling()).isTrue();
        assertThat(fx.service.list(false)).extracting(ImageInfo::id).containsExactly(info.id());
        assertThat(fx.service.list(true)).isEqualTo(fx.service.list(false));
        assertThat(fx.events.summary()).containsExactly("import " + info.id());
    }

    @Test
    void sameTarSharesOneLayerUnpackedOnce() throws IOException {
        byte[] tar = ImageFixture.rootfs("shared");
        ImageInfo first = fx.importTar(tar, "one");
        Path layer = fx.layer(first.diffIds().get(0));
        Object inode = Files.readAttributes(layer, "unix:ino", LinkOption.NOFOLLOW_LINKS);

        ImageInfo second = fx.importTar(tar, "two");

        assertThat(second.id()).as("created differs, so the id differs").isNotEqualTo(first.id());
        assertThat(second.diffIds()).isEqualTo(first.diffIds());
        assertThat(Files.readAttributes(layer, "unix:ino", LinkOption.NOFOLLOW_LINKS)).isEqualTo(inode);
        assertThat(FileListing.of(fx.imagesDir.resolve("layers"))).hasSize(1 + FileListing.of(layer).size());
        assertThat(second.size()).isEqualTo(first.size());
    }

    @Test
    void theIdIsTheDigestOfADeterministicConfig() {
        byte[] tar = ImageFixture.rootfs("stable");
        Clock fixed = Clock.fixed(TickingClock.START, ZoneOffset.UTC);
        ImageInfo a = storeWithClock(root.resolve("a"), fixed).importImage(new ByteArrayInputStream(tar),
                ImportOptions.tagged("x"));
        ImageInfo b = storeWithClock(root.resolve("b"), fixed).importImage(new ByteArrayInputStream(tar),
                ImportOptions.tagged("y"));
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(a.diffIds()).isEqualTo(b.diffIds());
    }

    private static ImageServiceImpl storeWithClock(Path dir, Clock clock) {
        return new ImageServiceImpl(ImageStore.open(dir, new LayerUnpacker(false)), () -> null, () -> null, clock);
    }

    @Test
    void concurrentImportsOfOneTarShareOneLayer() throws Exception {
        byte[] tar = ImageFixture.rootfs("concurrent");
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ImageInfo>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String ref = "app:" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return fx.importTar(tar, ref);
                }));
            }
            start.countDown();
            for (Future<ImageInfo> result : results) {
                assertThat(result.get().diffIds()).containsExactly(Sha256.of(tar));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.service.list(true)).hasSize(threads);
        try (Stream<Path> layers = Files.list(fx.imagesDir.resolve("layers"))) {
            assertThat(layers.map(p -> p.getFileName().toString())).containsExactly(Sha256.hex(Sha256.of(tar)));
        }
        assertThat(FileListing.of(fx.imagesDir)).noneMatch(p -> p.contains(".tmp-"));
    }

    @Test
    void importingATagInUseMovesIt() {
        ImageInfo old = fx.importTar(ImageFixture.rootfs("old"), "app");
        ImageInfo fresh = fx.importTar(ImageFixture.rootfs("new"), "app");
        assertThat(fx.service.inspect("app").id()).isEqualTo(fresh.id());
        assertThat(fx.service.inspect(old.id()).dangling()).isTrue();
    }

    @Test
    void hostileTarLeavesNothingBehind() {
        byte[] tar = new TarBuilder().file("ok", "fine").file("../escape", "x").bytes();
        assertThatThrownBy(() -> fx.importTar(tar, "evil"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid layer entry \"../escape\": path escapes the layer");
        assertStoreEmpty();
        assertThat(fx.events.events()).isEmpty();
    }

    @Test
    void corruptGzipLeavesNothingBehind() {
        byte[] gzip = TarBuilder.gzip(ImageFixture.rootfs("x"));
        byte[] corrupt = Arrays.copyOf(gzip, gzip.length / 2);
        assertThatThrownBy(() -> fx.importTar(corrupt, "broken")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("invalid tar archive");
        assertStoreEmpty();
    }

    @Test
    void failingInputStreamLeavesNothingBehind() {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 1000) {
                    throw new IOException("connection reset");
                }
                return 0;
            }
        };
        assertThatThrownBy(() -> fx.service.importImage(failing, ImportOptions.tagged("x")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("connection reset");
        assertStoreEmpty();
    }

    @Test
    void badOptionsAreRejectedBeforeReading() throws IOException {
        InputStream untouchable = new ByteArrayInputStream(ImageFixture.rootfs("x"));
        assertThatThrownBy(() -> fx.service.importImage(untouchable,
                new ImportOptions("app", null, List.of("FROM scratch"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("FROM is not a valid change command");
        assertThatThrownBy(() -> fx.service.importImage(untouchable, ImportOptions.tagged("Bad")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid reference format: repository name (library/Bad) must be lowercase");
        assertThatThrownBy(() -> fx.service.importImage(untouchable,
                ImportOptions.tagged("app@sha256:" + "a".repeat(64))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("refusing to create a tag with a digest reference");
        assertThat(untouchable.available()).isEqualTo(ImageFixture.rootfs("x").length);
        assertStoreEmpty();
    }

    @Test
    void nullArchiveIsRejected() {
        assertThatThrownBy(() -> fx.service.importImage(null, ImportOptions.tagged("x")))
                .isInstanceOf(InvalidArgumentException.class);
    }

    private void assertStoreEmpty() {
        assertThat(FileListing.of(fx.imagesDir.resolve("blobs/sha256"))).containsExactly("");
        assertThat(FileListing.of(fx.imagesDir.resolve("layers"))).containsExactly("");
        assertThat(FileListing.of(fx.imagesDir.resolve("metadata"))).containsExactly("");
        assertThat(fx.service.list(true)).isEmpty();
    }
}
