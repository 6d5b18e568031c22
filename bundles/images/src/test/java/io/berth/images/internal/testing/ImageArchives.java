package io.berth.images.internal.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.berth.images.internal.store.Sha256;

/**
 * Builds image archives for tests: {@code docker save} in the classic layout and in Docker 25+'s OCI layout,
 * and plain OCI image layouts. Layers are given as tars; the configs get matching diff-ids.
 */
public final class ImageArchives {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    public static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageArchives() {
    }

    /**
     * One image of a test archive.
     *
     * @param blobs  the layer blobs as stored in the archive (plain or gzip), bottom first
     * @param config the config JSON
     * @param tags   RepoTags
     */
    public record TestImage(List<byte[]> blobs, byte[] config, List<String> tags) {

        public String id() {
            return Sha256.of(config);
        }

        public String hex() {
            return id().substring(7);
        }

        public TestImage withTags(List<String> newTags) {
            return new TestImage(blobs, config, newTags);
        }

        public TestImage withConfig(byte[] newConfig) {
            return new TestImage(blobs, newConfig, tags);
        }
    }

    /** An image of uncompressed layers with a config whose diff-ids match them. */
    public static TestImage image(String created, List<String> tags, byte[]... layers) {
        return of(created, tags, false, layers);
    }

    /** The same, with gzip-compressed layer blobs. */
    public static TestImage gzipImage(String created, List<String> tags, byte[]... layers) {
        return of(created, tags, true, layers);
    }

    private static TestImage of(String created, List<String> tags, boolean gzip, byte[]... layers) {
        List<byte[]> blobs = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            blobs.add(gzip ? TarBuilder.gzip(layers[i]) : layers[i]);
            diffIds.add(Sha256.of(layers[i]));
            history.add(Map.of("created", created, "created_by", "/bin/sh -c #(nop) ADD layer " + i));
            history.add(Map.of("created", created, "created_by", "/bin/sh -c #(nop)  CMD [\"sh\"]",
                    "empty_layer", true));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.put("created", created);
        config.put("config", Map.of("Cmd", List.of("sh"), "Env", List.of("PATH=/bin")));
        config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        config.put("history", history);
        return new TestImage(blobs, json(config), tags);
    }

    /** A classic {@code docker save} archive: {@code <id>/layer.tar}, {@code <hex>.json}, manifest, repositories. */
    public static TarBuilder dockerSave(TestImage... images) {
        TarBuilder tar = new TarBuilder();
        List<Map<String, Object>> manifest = new ArrayList<>();
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        for (TestImage image : images) {
            List<String> layerPaths = new ArrayList<>();
            String parent = "";
            for (byte[] blob : image.blobs()) {
                String v1 = Sha256.of((parent + Sha256.of(blob)).getBytes(StandardCharsets.UTF_8)).substring(7);
                tar.dir(v1).fileOnce(v1 + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8))
                        .fileOnce(v1 + "/json", ("{\"id\":\"" + v1 + "\"}").getBytes(StandardCharsets.UTF_8))
                        .fileOnce(v1 + "/layer.tar", blob);
                layerPaths.add(v1 + "/layer.tar");
                parent = v1;
            }
            tar.fileOnce(image.hex() + ".json", image.config());
            manifest.add(Map.of("Config", image.hex() + ".json", "RepoTags", image.tags(), "Layers", layerPaths));
            for (String tag : image.tags()) {
                int colon = tag.lastIndexOf(':');
                repositories.computeIfAbsent(tag.substring(0, colon), k -> new LinkedHashMap<>())
                        .put(tag.substring(colon + 1), parent);
            }
        }
        return tar.file("manifest.json", json(manifest)).file("repositories", json(repositories));
    }

    /**
     * Docker 25+'s {@code docker save}: an OCI layout ({@code oci-layout}, {@code index.json},
     * {@code blobs/sha256}) plus manifest.json naming the blobs.
     */
    public static TarBuilder docker25(TestImage... images) {
        TarBuilder tar = new TarBuilder().dir("blobs").dir("blobs/sha256");
        List<Map<String, Object>> manifest = new ArrayList<>();
        List<Map<String, Object>> index = new ArrayList<>();
        for (TestImage image : images) {
            byte[] ociManifest = ociManifest(image, tar);
            String name = image.tags().isEmpty() ? null : image.tags().get(0);
            index.add(descriptor(OCI_MANIFEST, ociManifest, name == null ? Map.of()
                    : Map.of("io.containerd.image.name", "docker.io/library/" + name,
                            "org.opencontainers.image.ref.name", name.substring(name.lastIndexOf(':') + 1))));
            manifest.add(Map.of("Config", "blobs/sha256/" + image.hex(), "RepoTags", image.tags(), "Layers",
                    image.blobs().stream().map(b -> "blobs/sha256/" + Sha256.of(b).substring(7)).toList()));
        }
        return tar.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
                .file("index.json", json(Map.of("schemaVersion", 2, "mediaType", OCI_INDEX, "manifests", index)))
                .file("manifest.json", json(manifest)).file("repositories", "{}");
    }

    /**
     * An OCI image layout without manifest.json. With {@code platforms}, the image sits behind a nested index
     * listing it for linux/amd64 next to a linux/arm64 entry that points at the same manifest.
     */
    public static TarBuilder ociLayout(TestImage image, Map<String, String> annotations, boolean platforms) {
        TarBuilder tar = new TarBuilder();
        byte[] manifest = ociManifest(image, tar);
        Map<String, Object> top;
        if (platforms) {
            Map<String, Object> amd = new LinkedHashMap<>(descriptor(OCI_MANIFEST, manifest, Map.of()));
            amd.put("platform", Map.of("os", "linux", "architecture", "amd64"));
            Map<String, Object> arm = new LinkedHashMap<>(descriptor(OCI_MANIFEST, manifest, Map.of()));
            arm.put("platform", Map.of("os", "linux", "architecture", "arm64"));
            byte[] nested = json(Map.of("schemaVersion", 2, "mediaType", OCI_INDEX, "manifests", List.of(arm, amd)));
            blob(tar, nested);
            top = descriptor(OCI_INDEX, nested, annotations);
        } else {
            top = descriptor(OCI_MANIFEST, manifest, annotations);
        }
        return tar.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
                .file("index.json", json(Map.of("schemaVersion", 2, "manifests", List.of(top))));
    }

    /**
     * An OCI image layout whose one entry, named {@code refName}, is an index of two images: {@code amd64} for
     * linux/amd64 and {@code arm64} for linux/arm64.
     */
    public static TarBuilder multiPlatformLayout(TestImage amd64, TestImage arm64, String refName) {
        TarBuilder tar = new TarBuilder();
        Map<String, Object> amd = new LinkedHashMap<>(descriptor(OCI_MANIFEST, ociManifest(amd64, tar), Map.of()));
        amd.put("platform", Map.of("os", "linux", "architecture", "amd64"));
        Map<String, Object> arm = new LinkedHashMap<>(descriptor(OCI_MANIFEST, ociManifest(arm64, tar), Map.of()));
        arm.put("platform", Map.of("os", "linux", "architecture", "arm64", "variant", "v8"));
        byte[] nested = json(Map.of("schemaVersion", 2, "mediaType", OCI_INDEX, "manifests", List.of(amd, arm)));
        blob(tar, nested);
        Map<String, Object> top = descriptor(OCI_INDEX, nested, Map.of("org.opencontainers.image.ref.name", refName));
        return tar.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
                .file("index.json", json(Map.of("schemaVersion", 2, "manifests", List.of(top))));
    }

    /** The same image for another architecture (its config, and so its id, differ). */
    public static TestImage forArchitecture(TestImage image, String architecture) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = JSON.readValue(image.config(), LinkedHashMap.class);
            config.put("architecture", architecture);
            return image.withConfig(json(config));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the image's blobs and its OCI manifest blob; returns the manifest. */
    public static byte[] ociManifest(TestImage image, TarBuilder tar) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (byte[] blob : image.blobs()) {
            blob(tar, blob);
            boolean gzip = blob.length > 1 && blob[0] == 0x1f && blob[1] == (byte) 0x8b;
            layers.add(descriptor(gzip ? LAYER_GZIP : LAYER_TAR, blob, Map.of()));
        }
        blob(tar, image.config());
        byte[] manifest = json(Map.of("schemaVersion", 2, "mediaType", OCI_MANIFEST,
                "config", descriptor(OCI_CONFIG, image.config(), Map.of()), "layers", layers));
        blob(tar, manifest);
        return manifest;
    }

    public static Map<String, Object> descriptor(String mediaType, byte[] content, Map<String, String> annotations) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", mediaType);
        d.put("digest", Sha256.of(content));
        d.put("size", content.length);
        if (!annotations.isEmpty()) {
            d.put("annotations", annotations);
        }
        return d;
    }

    private static void blob(TarBuilder tar, byte[] content) {
        tar.fileOnce("blobs/sha256/" + Sha256.of(content).substring(7), content);
    }

    public static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
