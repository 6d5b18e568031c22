package io.berth.images.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.TempNames;

/**
 * Start-up cleaning: deletes temporary entries a crash left behind, and content that no image references
 * (an import or removal interrupted between its steps). Runs before the store serves any request.
 */
final class StoreJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(StoreJanitor.class);

    private StoreJanitor() {
    }

    /** Deletes every {@code .tmp-*} entry in the store's directories. */
    static void removeLeftovers(StoreLayout layout) throws IOException {
        for (Path dir : layout.directories()) {
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    if (TempNames.isTemporary(entry.getFileName().toString())) {
                        removeLeftover(entry);
                    }
                }
            }
        }
    }

    private static void removeLeftover(Path entry) {
        LOG.info("removing leftover {}", entry);
        try {
            FileTrees.deleteRecursively(entry);
        } catch (IOException e) {
            LOG.warn("cannot remove leftover {}: {}", entry, e.getMessage());
        }
    }

    /** Deletes blobs and layers outside the given sets. */
    static void collectGarbage(BlobStore blobs, LayerStore layers, Set<String> blobsInUse,
            Set<String> layersInUse) throws IOException {
        for (String digest : blobs.list()) {
            if (!blobsInUse.contains(digest)) {
                LOG.info("removing unreferenced blob {}", digest);
                blobs.delete(digest);
            }
        }
        for (String diffId : layers.list()) {
            if (!layersInUse.contains(diffId)) {
                LOG.info("removing unreferenced layer {}", diffId);
                layers.delete(diffId);
            }
        }
        layers.removeOrphanChanges();
    }
}
