package io.berth.images.internal.image;

import static io.berth.images.internal.image.LoadTest.CREATED;
import static io.berth.images.internal.image.LoadTest.base;
import static io.berth.images.internal.testing.ImageArchives.dockerSave;
import static io.berth.images.internal.testing.ImageArchives.docker25;
import static io.berth.images.internal.testing.ImageArchives.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.ImageArchives;
import io.berth.images.internal.testing.ImageArchives.TestImage;
import io.berth.images.internal.testing.TarBuilder;

/**
 * A corpus of hostile image archives for {@code load}. Each must fail with a clear error, write nothing
 * outside the store (a sibling directory holds a sentinel) and leave nothing of the load in the store. A good
 * image loaded first must survive each failure untouched.
 */
class HostileLoadTest {

    private static final String EVIL = "/tmp/berth-hostile-load-evil";

    @TempDir
    Path tmp;

    private ImageFixture fixture;
    private Path outside;
    private List<String> storeBefore;

    @BeforeEach
    void open() throws IOException {
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("sentinel"), "untouched");
        fixture = new ImageFixture(tmp);
        fixture.service.load(new ByteArrayInputStream(dockerSave(image(CREATED, List.of("good:1"), base()))
                .bytes()), null);
        storeBefore = FileListing.of(fixture.imagesDir);
    }

    /** An archive whose only image has the given (hostile) layer, with a matching diff-id. */
    private static byte[] withLayer(TarBuilder layer) {
        return dockerSave(image(CREATED, List.of("evil:1"), base(), layer.bytes())).bytes();
    }

    private static Arguments layerCase(String name, TarBuilder layer, String message) {
        return Arguments.of(name, withLayer(layer), message);
    }

    private static Arguments archiveCase(String name, byte[] archive, String message) {
        return Arguments.of(name, archive, message);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
            layerCase("layer entry with ..", new TarBuilder().file("../outside/evil", "x"), "path escapes the layer"),
            layerCase("layer entry absolute with ..", new TarBuilder().file("/../../outside/evil", "x"),
                    "path escapes the layer"),
            layerCase("symlink then write", new TarBuilder().symlink("link", "../outside").file("link/evil", "x"),
                    "path goes through a symbolic link"),
            layerCase("absolute symlink then write", new TarBuilder().symlink("root", "/")
                    .file("root" + EVIL, "x"), "path goes through a symbolic link"),
            layerCase("hardlink outside", new TarBuilder().hardlink("h", "../outside/sentinel"),
                    "hardlink target escapes the layer"),
            layerCase("hardlink to a host file", new TarBuilder().hardlink("passwd", "/etc/passwd"),
                    "hardlink target does not exist"),
            layerCase("hardlink through symlink", new TarBuilder().symlink("l", "../outside")
                    .hardlink("h", "l/sentinel"), "hardlink target goes through a symbolic link"),
            layerCase("device when not root", new TarBuilder().charDevice("dev/sda"),
                    "device nodes and fifos can only be unpacked when the engine runs as root"),
            layerCase("whiteout escaping the layer", new TarBuilder().dir("etc").file("etc/.wh...", ""),
                    "whiteout escapes the layer"),
            layerCase("whiteout through a symlink", new TarBuilder().symlink("l", "../outside")
                    .file("l/.wh.sentinel", ""), "path goes through a symbolic link"),
            layerCase("NUL in a layer name", new TarBuilder().file("n".repeat(120) + "\0/../../outside/evil", "x"),
                    "contains a NUL character"),
            layerCase("huge PAX path header", new TarBuilder().file("d/".repeat(40_000) + "f", "x"),
                    "path is too long"),
            archiveCase("huge archive entry name", new TarBuilder().file("n".repeat(70_000), "x").bytes(),
                    "is too long"),
            archiveCase("PAX header claiming 8 GiB", paxHeader("77777777777", "30 path=" + "a".repeat(21) + "\n"),
                    "invalid image archive: cannot read the tar stream"),
            archiveCase("PAX record claiming 9 GB", paxHeader(null, "9999999999 path=x\n"),
                    "invalid image archive: cannot read the tar stream"),
            archiveCase("truncated gzip archive", truncatedGzip(), "cannot read the tar stream"),
            archiveCase("truncated gzip layer", truncatedGzipLayer(), "invalid tar archive"),
            archiveCase("not a tar", randomBytes(), "invalid image archive"),
            archiveCase("manifest config outside the archive", manifest("../../etc/passwd", List.of()),
                    "manifest.json refers to \"../../etc/passwd\", outside the archive"),
            archiveCase("manifest layer absolute", manifest(null, List.of("/etc/passwd")),
                    "manifest.json refers to \"/etc/passwd\", outside the archive"),
            archiveCase("manifest names a missing file", manifest(null, List.of("nosuch/layer.tar")),
                    "manifest.json refers to \"nosuch/layer.tar\", which is not in the archive"),
            archiveCase("entry name with ..", new TarBuilder().file("../evil", "x").bytes(),
                    "entry refers to \"../evil\", outside the archive"),
            archiveCase("symlink entry leaving the archive", new TarBuilder().symlink("manifest.json",
                    "../../etc/passwd").bytes(), "outside the archive"),
            archiveCase("symlink loop", new TarBuilder().symlink("a", "b").symlink("b", "a")
                    .symlink("manifest.json", "a").bytes(), "too many levels of links"),
            archiveCase("device entry in the archive", new TarBuilder().charDevice("manifest.json").bytes(),
                    "is not a regular file, directory or link"),
            archiveCase("duplicate entries", duplicate(), "duplicate entry \"manifest.json\""),
            archiveCase("config digest mismatch", configDigestMismatch(), "config digest mismatch"),
            archiveCase("layer digest mismatch", layerDigestMismatch(), "layer digest mismatch"),
            archiveCase("layer diff-id mismatch", diffIdMismatch(), "layer content does not match its diff-id"),
            archiveCase("manifest is not JSON", new TarBuilder().file("manifest.json", "[{").bytes(),
                    "manifest.json is not valid JSON"),
            archiveCase("config lists fewer layers", fewerDiffIds(), "lists 1 layers but the manifest has 2"),
            archiveCase("OCI descriptor size mismatch", sizeMismatch(), "should have 1 bytes but has"),
            archiveCase("tag with a digest", dockerSave(image(CREATED, List.of("evil@sha256:" + "a".repeat(64)),
                    base())).bytes(), "refusing to tag with the digest reference"),
            archiveCase("invalid tag", dockerSave(image(CREATED, List.of("UPPER:case"), base())).bytes(),
                    "invalid reference format"),
            archiveCase("neither layout", new TarBuilder().file("hello", "x").bytes(),
                    "no manifest.json or index.json found"));
    }

    /** A raw PAX extended header (type 'x') with the given octal size (default: the data's) and data. */
    private static byte[] paxHeader(String octalSize, String data) {
        byte[] content = data.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        put(header, 0, "././@PaxHeader");
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, octalSize != null ? octalSize : String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = 'x';
        put(header, 257, "ustar");
        put(header, 263, "00");
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        byte[] padded = Arrays.copyOf(content, ((content.length + 511) / 512) * 512);
        byte[] tail = new TarBuilder().file("manifest.json", "[]").bytes();
        byte[] out = new byte[header.length + padded.length + tail.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(padded, 0, out, header.length, padded.length);
        System.arraycopy(tail, 0, out, header.length + padded.length, tail.length);
        return out;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static byte[] truncatedGzip() {
        byte[] gzip = TarBuilder.gzip(dockerSave(image(CREATED, List.of("t:1"), base(), randomLayer())).bytes());
        return Arrays.copyOf(gzip, gzip.length / 2);
    }

    private static byte[] randomLayer() {
        return new TarBuilder().file("random", randomBytes()).bytes();
    }

    private static byte[] truncatedGzipLayer() {
        TestImage good = image(CREATED, List.of("t:1"), randomLayer());
        byte[] gzip = TarBuilder.gzip(good.blobs().get(0));
        return dockerSave(new TestImage(List.of(Arrays.copyOf(gzip, gzip.length / 2)), good.config(), good.tags()))
                .bytes();
    }

    private static byte[] randomBytes() {
        byte[] data = new byte[64 * 1024];
        new Random(7).nextBytes(data);
        return data;
    }

    private static byte[] manifest(String config, List<String> layers) {
        TestImage image = image(CREATED, List.of(), base());
        String configName = config == null ? image.hex() + ".json" : config;
        return new TarBuilder().file(image.hex() + ".json", image.config())
                .file("manifest.json", ImageArchives.json(List.of(Map.of("Config", configName, "Layers", layers))))
                .bytes();
    }

    private static byte[] duplicate() {
        return new TarBuilder().file("manifest.json", "[]").file("manifest.json", "[]").bytes();
    }

    private static byte[] configDigestMismatch() {
        TestImage image = image(CREATED, List.of(), base());
        return new TarBuilder().file("a".repeat(64) + ".json", image.config()).file("manifest.json",
                ImageArchives.json(List.of(Map.of("Config", "a".repeat(64) + ".json", "Layers", List.of()))))
                .bytes();
    }

    private static byte[] layerDigestMismatch() {
        TestImage image = image(CREATED, List.of(), base());
        String fake = "b".repeat(64);
        return new TarBuilder().file("blobs/sha256/" + image.hex(), image.config())
                .file("blobs/sha256/" + fake, image.blobs().get(0))
                .file("manifest.json", ImageArchives.json(List.of(Map.of("Config", "blobs/sha256/" + image.hex(),
                        "Layers", List.of("blobs/sha256/" + fake))))).bytes();
    }

    private static byte[] diffIdMismatch() {
        TestImage claimed = image(CREATED, List.of("evil:1"), base());
        return dockerSave(new TestImage(List.of(randomLayer()), claimed.config(), claimed.tags())).bytes();
    }

    private static byte[] fewerDiffIds() {
        TestImage one = image(CREATED, List.of("evil:1"), base());
        return dockerSave(new TestImage(List.of(base(), randomLayer()), one.config(), one.tags())).bytes();
    }

    private static byte[] sizeMismatch() {
        TestImage image = image(CREATED, List.of(), base());
        TarBuilder tar = new TarBuilder();
        byte[] manifest = ImageArchives.ociManifest(image, tar);
        Map<String, Object> descriptor = new java.util.LinkedHashMap<>(
                ImageArchives.descriptor(ImageArchives.OCI_MANIFEST, manifest, Map.of()));
        descriptor.put("size", 1);
        return tar.file("index.json", ImageArchives.json(Map.of("schemaVersion", 2, "manifests",
                List.of(descriptor)))).bytes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedAndLeavesNothingBehind(String name, byte[] archive, String message) throws IOException {
        assertThatThrownBy(() -> fixture.service.load(new ByteArrayInputStream(archive), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(message);

        assertThat(FileListing.of(fixture.imagesDir)).as("nothing of the load remains").isEqualTo(storeBefore);
        assertThat(FileListing.of(outside)).containsExactly("", "sentinel");
        assertThat(outside.resolve("sentinel")).hasContent("untouched");
        assertThat(Path.of(EVIL)).doesNotExist();
        assertThat(fixture.service.inspect("good:1").repoTags()).containsExactly("docker.io/library/good:1");
        assertThat(fixture.service.list(true)).hasSize(1);
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aRestartAfterACrashMidLoadRemovesTheSpool() throws IOException {
        Path leftover = Files.createDirectories(fixture.imagesDir.resolve(".tmp-0123456789abcdef/3"));
        Files.write(leftover.resolve("x"), "spooled".getBytes(StandardCharsets.UTF_8));

        fixture.reopen();

        assertThat(FileListing.of(fixture.imagesDir)).isEqualTo(storeBefore);
        assertThat(Sha256.isDigest(fixture.service.inspect("good:1").id())).isTrue();
    }
}
