package io.berth.images.internal.store;

import java.io.IOException;
import java.util.List;

/**
 * Reports the layers that persisted holders outside the image metadata (mounted root filesystem snapshots)
 * still use, so that opening the store neither deletes them as garbage nor forgets to protect them. Called
 * once, while the store loads, before any request.
 */
@FunctionalInterface
public interface LayerHolders {

    /** No holders. */
    LayerHolders NONE = layout -> List.of();

    /**
     * The diff-ids held, one entry per holder and layer (a layer used by two snapshots appears twice): the
     * store pins each entry once, and each holder releases its own entries with
     * {@link ImageStore#releaseLayers}.
     *
     * @throws IOException when a holder's record cannot be read; the store then keeps all unreferenced content
     */
    List<String> heldLayers(StoreLayout layout) throws IOException;
}
