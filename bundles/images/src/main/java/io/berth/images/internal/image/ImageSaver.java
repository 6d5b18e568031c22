package io.berth.images.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.archive.DockerSaveWriter;
import io.berth.images.internal.layer.ArchiveStreams;
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.store.ImageMatch;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.LayerRecord;
import io.berth.images.internal.store.StoredImage;

/**
 * Saves images as one {@code docker save} archive, streamed. Every name is resolved before a byte is written
 * (an unknown one fails the save with nothing written); the images' content is pinned while it is read. An
 * image named by reference carries that reference as its tag, one named by id carries none (as in Docker).
 * Layers are written uncompressed; a gzip blob is decompressed twice (once to learn its size for the tar
 * header). Thread-safe.
 */
final class ImageSaver {

    private final ImageStore store;

    ImageSaver(ImageStore store) {
        this.store = store;
    }

    void save(List<String> refs, OutputStream out) {
        if (refs == null || refs.isEmpty()) {
            throw new InvalidArgumentException("nothing to save: name at least one image");
        }
        Map<String, List<String>> tagsById = resolve(refs);
        List<StoredImage> pinned = new ArrayList<>();
        try {
            for (String id : tagsById.keySet()) {
                pinned.add(store.pinContentOf(id));
            }
            DockerSaveWriter writer = new DockerSaveWriter(out);
            for (StoredImage image : pinned) {
                writer.addImage(store.blobs().read(image.id()), layers(image), tagsById.get(image.id()));
            }
            writer.finish();
        } catch (IOException e) {
            throw new BerthException("cannot save the images: " + e.getMessage(), e);
        } finally {
            pinned.forEach(store::releaseContent);
        }
    }

    /** Image ids in the order first named, each with the references it was named by. */
    private Map<String, List<String>> resolve(List<String> refs) {
        Map<String, List<String>> tagsById = new LinkedHashMap<>();
        for (String ref : refs) {
            if (ref == null || ref.isEmpty()) {
                throw new InvalidArgumentException("invalid reference format");
            }
            ImageMatch match = store.resolve(ref);
            List<String> tags = tagsById.computeIfAbsent(match.id(), k -> new ArrayList<>());
            if (!match.byId() && ImageReference.parse(ref).digest() == null) {
                String familiar = ImageReference.parse(ref).familiar();
                if (!tags.contains(familiar)) {
                    tags.add(familiar);
                }
            }
        }
        return tagsById;
    }

    private List<DockerSaveWriter.Layer> layers(StoredImage image) throws IOException {
        List<DockerSaveWriter.Layer> layers = new ArrayList<>();
        for (LayerRecord layer : image.record().layers()) {
            Path blob = store.blobs().path(layer.blob());
            if (layer.blob().equals(layer.diffId())) {
                layers.add(new DockerSaveWriter.Layer(layer.diffId(), Files.size(blob),
                        () -> Files.newInputStream(blob)));
            } else {
                layers.add(new DockerSaveWriter.Layer(layer.diffId(), uncompressedSize(blob),
                        () -> ArchiveStreams.uncompressed(Files.newInputStream(blob))));
            }
        }
        return layers;
    }

    private static long uncompressedSize(Path blob) throws IOException {
        try (InputStream in = ArchiveStreams.uncompressed(Files.newInputStream(blob))) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
