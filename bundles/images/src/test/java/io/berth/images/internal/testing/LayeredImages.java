package io.berth.images.internal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.berth.images.internal.config.HistoryEntry;
import io.berth.images.internal.config.OciImageConfig;
import io.berth.images.internal.config.RootFs;
import io.berth.images.internal.store.Blob;
import io.berth.images.internal.store.ImageRecord;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.LayerRecord;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.store.StoredImage;

/** Puts multi-layer images straight into a store (uncompressed layer blobs), for snapshot tests. */
public final class LayeredImages {

    private LayeredImages() {
    }

    /** Adds an untagged image of the given layer tars, bottom first; returns its id. */
    public static String add(ImageStore store, String created, List<byte[]> layerTars) {
        try {
            List<LayerRecord> layers = new ArrayList<>();
            List<String> diffIds = new ArrayList<>();
            for (byte[] tar : layerTars) {
                Blob blob = store.blobs().put(tar);
                String diffId = Sha256.of(tar);
                store.layers().unpack(store.blobs().path(blob.digest()), diffId);
                layers.add(new LayerRecord(diffId, blob.digest(), store.layers().size(diffId)));
                diffIds.add(diffId);
            }
            OciImageConfig config = new OciImageConfig(created, null, "amd64", "linux", null, null,
                    RootFs.layers(diffIds), diffIds.stream().map(d -> new HistoryEntry(created, "ADD " + d, null,
                            null, null)).toList());
            Blob configBlob = store.blobs().put(config.toJson());
            store.add(new StoredImage(new ImageRecord(configBlob.digest(), created, layers), config));
            return configBlob.digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
