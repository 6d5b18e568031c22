package io.berth.images.internal.archive;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;

import io.berth.images.internal.config.Json;

/**
 * {@code docker save} archives: {@code manifest.json} lists each image's config, layers and tags by their names
 * in the archive ({@code <hex>.json} and {@code <id>/layer.tar} in the classic layout,
 * {@code blobs/sha256/<hex>} since Docker 25). Stateless.
 */
final class DockerSaveLayout {

    private static final JavaType MANIFESTS = Json.mapper().getTypeFactory()
            .constructCollectionType(List.class, ArchiveDocuments.DockerManifest.class);

    private DockerSaveLayout() {
    }

    static List<ImageToLoad> plan(Spool spool) {
        List<ArchiveDocuments.DockerManifest> manifests = ArchiveLayout.parse(spool,
                spool.require(ArchiveLayout.DOCKER_MANIFEST, "archive"), MANIFESTS);
        if (manifests.isEmpty()) {
            throw ArchiveErrors.invalid("manifest.json lists no image");
        }
        List<ImageToLoad> images = new ArrayList<>();
        for (ArchiveDocuments.DockerManifest manifest : manifests) {
            images.add(image(spool, manifest));
        }
        return images;
    }

    private static ImageToLoad image(Spool spool, ArchiveDocuments.DockerManifest manifest) {
        if (manifest == null || manifest.config() == null) {
            throw ArchiveErrors.invalid("manifest.json has an image without a config");
        }
        SpooledFile config = spool.require(manifest.config(), "manifest.json");
        ArchiveLayout.verifyNamedDigest(config, "config");
        List<ImageToLoad.LayerSource> layers = new ArrayList<>();
        for (String layer : manifest.layers()) {
            SpooledFile file = spool.require(layer, "manifest.json");
            ArchiveLayout.verifyNamedDigest(file, "layer");
            layers.add(new ImageToLoad.LayerSource(file, null));
        }
        return new ImageToLoad(config, layers, manifest.repoTags());
    }
}
