package io.berth.images.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.PullOptions;
import io.berth.api.image.PullResult;
import io.berth.images.internal.config.Platforms;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.testing.ImageArchives;
import io.berth.images.internal.testing.ImageArchives.TestImage;
import io.berth.images.internal.testing.LocalRegistry;
import io.berth.images.internal.testing.Skopeo;
import io.berth.images.internal.testing.TarBuilder;
import io.berth.images.internal.testing.ToolRequirement;

/**
 * Pulls from a real registry (Debian's docker-registry on the loopback) filled by skopeo: multi-platform OCI
 * indexes, Docker schema 2 and OCI manifests, digests, progress, and failures that leave the store as it was.
 */
class RegistryPullTest {

    private static final String CREATED = "2026-01-02T03:04:05Z";
    private static final TestImage AMD64 = ImageArchives.gzipImage(CREATED, List.of(), layer("base"),
            layer("tools"), layer("app"));
    private static final TestImage ARM64 = ImageArchives.forArchitecture(AMD64, "arm64");

    @TempDir
    static Path shared;
    private static LocalRegistry registry;

    @TempDir
    Path root;

    @BeforeAll
    static void startRegistry() throws IOException {
        ToolRequirement.assumeTools("docker-registry", "skopeo");
        registry = LocalRegistry.open(shared.resolve("registry"));
        Path multi = Skopeo.layoutDir(ImageArchives.multiPlatformLayout(AMD64, ARM64, "1.0"), shared.resolve("multi"));
        Skopeo.copy(multi, "1.0", registry.host() + "/berth/multi:1.0", true, null, null);
        Path single = Skopeo.layoutDir(ImageArchives.ociLayout(AMD64,
                Map.of("org.opencontainers.image.ref.name", "single"), false), shared.resolve("single"));
        Skopeo.copy(single, "single", registry.host() + "/berth/oci:latest", false, null, null);
        Skopeo.copy(single, "single", registry.host() + "/berth/docker:latest", false, "v2s2", null);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void pullsTheEnginesPlatformFromAMultiPlatformIndexWithDockersProgress() {
        PullFixture fx = new PullFixture(root, null, 3);
        String ref = registry.host() + "/berth/multi:1.0";

        PullResult result = fx.service.pull(ref, PullOptions.defaults(), fx.listener());

        TestImage expected = "arm64".equals(Platforms.currentArchitecture()) ? ARM64 : AMD64;
        assertThat(result.imageId()).isEqualTo(expected.id());
        assertThat(result.downloaded()).isTrue();
        ImageInfo info = fx.service.inspect(ref);
        assertThat(info.id()).isEqualTo(expected.id());
        assertThat(info.repoTags()).containsExactly(registry.host() + "/berth/multi:1.0");
        assertThat(info.repoDigests()).containsExactly(registry.host() + "/berth/multi@" + result.digest());
        assertThat(fx.service.inspect(registry.host() + "/berth/multi@" + result.digest()).id())
                .isEqualTo(expected.id());
        info.diffIds().forEach(diffId -> assertThat(fx.store.layers().exists(diffId)).isTrue());
        List<String> statuses = fx.statuses();
        assertThat(statuses.get(0)).isEqualTo("1.0 Pulling from berth/multi");
        for (byte[] blob : AMD64.blobs()) {
            String id = Sha256.shortId(Sha256.of(blob));
            assertThat(statuses).containsSubsequence(id + " Pulling fs layer", id + " Downloading",
                    id + " Verifying Checksum", id + " Download complete", id + " Extracting", id + " Pull complete");
        }
        assertThat(statuses).endsWith("Digest: " + result.digest(),
                "Status: Downloaded newer image for " + registry.host() + "/berth/multi:1.0");
        assertThat(fx.progress).filteredOn(e -> e.status().equals("Downloading") && e.current() > 0)
                .allSatisfy(e -> assertThat(e.current()).isLessThanOrEqualTo(e.total()));
        assertThat(fx.events.summary()).contains("pull " + registry.host() + "/berth/multi");
    }

    @Test
    void aSecondPullFindsEverythingAndIsUpToDate() {
        PullFixture fx = new PullFixture(root, null, 3);
        String ref = registry.host() + "/berth/oci:latest";
        fx.service.pull(ref, PullOptions.defaults(), null);

        PullResult again = fx.service.pull(ref, PullOptions.defaults(), fx.listener());

        assertThat(again.downloaded()).isFalse();
        assertThat(fx.statuses()).filteredOn(s -> s.endsWith("Already exists")).hasSize(3);
        assertThat(fx.statuses()).noneMatch(s -> s.endsWith("Downloading"))
                .endsWith("Status: Image is up to date for " + ref);
    }

    @Test
    void thePlatformParameterPicksAnotherImageOfTheIndex() {
        PullFixture fx = new PullFixture(root, null, 3);
        String other = "arm64".equals(Platforms.currentArchitecture()) ? "linux/amd64" : "linux/arm64/v8";
        TestImage expected = "arm64".equals(Platforms.currentArchitecture()) ? AMD64 : ARM64;

        PullResult result = fx.service.pull(registry.host() + "/berth/multi:1.0", new PullOptions(other, null), null);

        assertThat(result.imageId()).isEqualTo(expected.id());
        assertThat(fx.service.inspect(result.imageId()).architecture()).isEqualTo(other.split("/")[1]);
    }

    @Test
    void aPlatformTheIndexLacksIsNotFoundAndAForeignOsIsRefused() {
        PullFixture fx = new PullFixture(root, null, 3);
        String ref = registry.host() + "/berth/multi:1.0";

        assertThatThrownBy(() -> fx.service.pull(ref, new PullOptions("linux/s390x", null), null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no matching manifest for linux/s390x");
        assertThatThrownBy(() -> fx.service.pull(ref, new PullOptions("windows/amd64", null), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("unsupported platform");
        assertThat(fx.service.list(true)).isEmpty();
    }

    @Test
    void pullsADockerSchema2Manifest() {
        PullFixture fx = new PullFixture(root, null, 3);

        PullResult result = fx.service.pull(registry.host() + "/berth/docker", PullOptions.defaults(), null);

        ImageInfo info = fx.service.inspect(result.imageId());
        assertThat(info.repoTags()).containsExactly(registry.host() + "/berth/docker:latest");
        assertThat(info.diffIds()).isEqualTo(fx.service.inspect(result.imageId()).diffIds()).hasSize(3);
        assertThat(info.architecture()).isEqualTo("amd64");
    }

    @Test
    void pullsByDigestWithoutATag() {
        PullFixture first = new PullFixture(root.resolve("a"), null, 3);
        String digest = first.service.pull(registry.host() + "/berth/oci:latest", PullOptions.defaults(), null)
                .digest();
        PullFixture fx = new PullFixture(root.resolve("b"), null, 3);

        PullResult result = fx.service.pull(registry.host() + "/berth/oci@" + digest, PullOptions.defaults(), null);

        ImageInfo info = fx.service.inspect(result.imageId());
        assertThat(info.repoTags()).isEmpty();
        assertThat(info.repoDigests()).containsExactly(registry.host() + "/berth/oci@" + digest);
        assertThat(fx.service.remove(registry.host() + "/berth/oci@" + digest, false, false)).hasSize(2);
        assertThat(fx.service.list(true)).isEmpty();
    }

    @Test
    void aDigestThatDoesNotMatchIsRefused() {
        PullFixture fx = new PullFixture(root, null, 3);
        String wrong = Sha256.of("not the manifest".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> fx.service.pull(registry.host() + "/berth/oci@" + wrong, PullOptions.defaults(),
                null)).isInstanceOf(NotFoundException.class).hasMessageContaining("not found");
        assertThat(fx.service.list(true)).isEmpty();
    }

    @Test
    void unknownTagsAndRepositoriesAreNotFoundAndLeaveNothing() {
        PullFixture fx = new PullFixture(root, null, 3);
        List<String> before = fx.storeContent();

        assertThatThrownBy(() -> fx.service.pull(registry.host() + "/berth/oci:nope", PullOptions.defaults(), null))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("manifest for " + registry.host() + "/berth/oci:nope not found");
        assertThatThrownBy(() -> fx.service.pull(registry.host() + "/nobody/here", PullOptions.defaults(), null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(registry.host() + "/nobody/here")
                .hasMessageContaining("not found");
        assertThat(fx.storeContent()).isEqualTo(before);
    }

    @Test
    void aDamagedLayerFailsTheDigestCheckAndTheWholePullIsTakenBack() throws IOException {
        TestImage image = ImageArchives.gzipImage(CREATED, List.of(), layer("good"), layer("to-be-damaged"));
        Path layout = Skopeo.layoutDir(ImageArchives.ociLayout(image,
                Map.of("org.opencontainers.image.ref.name", "x"), false), root.resolve("layout"));
        Skopeo.copy(layout, "x", registry.host() + "/berth/damaged:1", false, null, null);
        Path data = registry.blobData(Sha256.of(image.blobs().get(1)));
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(data, bytes);
        PullFixture fx = new PullFixture(root.resolve("store"), null, 1);
        List<String> before = fx.storeContent();

        assertThatThrownBy(() -> fx.service.pull(registry.host() + "/berth/damaged:1", PullOptions.defaults(), null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("digest mismatch");

        assertThat(fx.storeContent()).isEqualTo(before);
        assertThat(fx.service.list(true)).isEmpty();
    }

    @Test
    void aRegistryThatIsDownIsANetworkErrorThatLeavesNothing() throws IOException {
        PullFixture fx = new PullFixture(root, null, 3);
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        List<String> before = fx.storeContent();

        assertThatThrownBy(() -> fx.service.pull("127.0.0.1:" + closed + "/berth/oci:latest", PullOptions.defaults(),
                null)).isInstanceOf(BerthException.class).hasMessageContaining("http://127.0.0.1:" + closed + "/v2/")
                .hasMessageContaining("connection refused");
        assertThat(fx.storeContent()).isEqualTo(before);
    }

    @Test
    void layersBeyondThePoolWaitTheirTurn() {
        PullFixture fx = new PullFixture(root, null, 1);

        fx.service.pull(registry.host() + "/berth/oci:latest", PullOptions.defaults(), fx.listener());

        List<String> waiting = fx.statuses().stream().filter(s -> s.endsWith(" Waiting")).toList();
        assertThat(waiting).hasSize(2);
        assertThat(fx.statuses()).filteredOn(s -> s.endsWith(" Pull complete")).hasSize(3);
    }

    private static byte[] layer(String marker) {
        return new TarBuilder().dir("etc").file("etc/" + marker, marker + "\n").dir("opt")
                .file("opt/" + marker + ".bin", new byte[64 * 1024]).bytes();
    }
}
