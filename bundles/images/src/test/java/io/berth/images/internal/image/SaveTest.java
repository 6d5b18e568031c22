package io.berth.images.internal.image;

import static io.berth.images.internal.image.LoadTest.CREATED;
import static io.berth.images.internal.image.LoadTest.app;
import static io.berth.images.internal.image.LoadTest.base;
import static io.berth.images.internal.testing.ImageArchives.dockerSave;
import static io.berth.images.internal.testing.ImageArchives.gzipImage;
import static io.berth.images.internal.testing.ImageArchives.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.LoadResult;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.ImageArchives.TestImage;

class SaveTest {

    @TempDir
    Path tmp;

    private ImageFixture source;
    private TestImage one;
    private TestImage two;

    @BeforeEach
    void loadSamples() {
        source = new ImageFixture(tmp.resolve("a"));
        one = image(CREATED, List.of("busybox:latest"), base(), app("one"));
        two = gzipImage(CREATED, List.of("example.com/team/app:2"), base(), app("two"));
        source.service.load(new ByteArrayInputStream(dockerSave(one, two).bytes()), null);
    }

    private byte[] save(String... refs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.service.save(List.of(refs), out);
        return out.toByteArray();
    }

    @Test
    void roundTripGivesTheSameImagesTagsAndLayers() throws IOException {
        byte[] archive = save("busybox", "example.com/team/app:2");
        ImageFixture target = new ImageFixture(tmp.resolve("b"));

        LoadResult result = target.service.load(new ByteArrayInputStream(archive), null);

        assertThat(result.references()).containsExactly("busybox:latest", "example.com/team/app:2");
        for (String ref : List.of("busybox:latest", "example.com/team/app:2")) {
            ImageInfo before = source.service.inspect(ref);
            ImageInfo after = target.service.inspect(ref);
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.diffIds()).isEqualTo(before.diffIds());
            assertThat(after.size()).isEqualTo(before.size());
            for (String diffId : after.diffIds()) {
                assertSameTree(source.layer(diffId), target.layer(diffId));
            }
        }
    }

    private static void assertSameTree(Path a, Path b) throws IOException {
        assertThat(FileListing.of(b)).isEqualTo(FileListing.of(a));
        for (String relative : FileListing.of(a)) {
            Path fa = a.resolve(relative);
            if (Files.isRegularFile(fa) && !Files.isSymbolicLink(fa)) {
                assertThat(b.resolve(relative)).hasSameBinaryContentAs(fa);
            }
        }
    }

    @Test
    void theArchiveHasTheStructureDockerLoadReads() throws IOException {
        Map<String, byte[]> entries = read(save("busybox", "example.com/team/app:2"));
        ObjectMapper json = new ObjectMapper();

        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest).hasSize(2);
        JsonNode repositories = json.readTree(entries.get("repositories"));
        for (JsonNode image : manifest) {
            byte[] config = entries.get(image.get("Config").asText());
            String id = Sha256.of(config);
            assertThat(image.get("Config").asText()).isEqualTo(id.substring(7) + ".json");
            List<String> diffIds = source.service.inspect(id).diffIds();
            JsonNode layers = image.get("Layers");
            assertThat(layers).hasSize(diffIds.size());
            for (int i = 0; i < diffIds.size(); i++) {
                String path = layers.get(i).asText();
                assertThat(path).endsWith("/layer.tar");
                assertThat(Sha256.of(entries.get(path))).as("layer.tar is the uncompressed layer")
                        .isEqualTo(diffIds.get(i));
                String dir = path.substring(0, path.indexOf('/'));
                assertThat(new String(entries.get(dir + "/VERSION"), StandardCharsets.UTF_8)).isEqualTo("1.0");
                assertThat(json.readTree(entries.get(dir + "/json")).get("id").asText()).isEqualTo(dir);
            }
            String tag = image.get("RepoTags").get(0).asText();
            String top = layers.get(layers.size() - 1).asText().split("/")[0];
            int colon = tag.lastIndexOf(':');
            assertThat(repositories.get(tag.substring(0, colon)).get(tag.substring(colon + 1)).asText()).isEqualTo(top);
        }
        assertThat(entries.keySet().stream().filter(n -> n.endsWith("/layer.tar")))
                .as("the shared base layer is written once").hasSize(3);
    }

    @Test
    void anImageSavedByIdHasNoTags() throws IOException {
        Map<String, byte[]> entries = read(save(one.id()));

        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.get(0).get("RepoTags").isNull()).isTrue();
        assertThat(new String(entries.get("repositories"), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void importedGzipImagesAreSavedUncompressed() throws IOException {
        byte[] rootfs = ImageFixture.rootfs("imported");
        ImageInfo imported = source.importTar(io.berth.images.internal.testing.TarBuilder.gzip(rootfs), "imp:1");

        Map<String, byte[]> entries = read(save("imp:1"));

        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(Sha256.of(entries.get(manifest.get(0).get("Layers").get(0).asText())))
                .isEqualTo(imported.diffIds().get(0)).isEqualTo(Sha256.of(rootfs));
    }

    @Test
    void anUnknownImageFailsBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> source.service.save(List.of("busybox", "nosuch:1"), out))
                .isInstanceOf(NotFoundException.class).hasMessage("No such image: nosuch:1");
        assertThat(out.size()).isZero();
        assertThatThrownBy(() -> source.service.save(List.of(), out)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void theOutputIsNotClosed() {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        source.service.save(List.of("busybox"), out);

        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isGreaterThan(0);
    }

    static Map<String, byte[]> read(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isDirectory()) {
                    assertThat(entries.put(e.getName(), tar.readAllBytes())).as("duplicate " + e.getName()).isNull();
                }
            }
        }
        return entries;
    }
}
