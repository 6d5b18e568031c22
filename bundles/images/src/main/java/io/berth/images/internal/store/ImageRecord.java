package io.berth.images.internal.store;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The store's metadata of one image, persisted as {@code metadata/<id-hex>.json}. The config blob
 * ({@code blobs/sha256/<id-hex>}) stays the source of truth for everything else.
 *
 * @param id      {@code sha256:} + sha256 of the config blob
 * @param created creation time as written in the config (RFC 3339)
 * @param layers  the layers, bottom first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "created", "layers"})
public record ImageRecord(String id, String created, List<LayerRecord> layers) {

    public ImageRecord {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** Total bytes of the image's layers. */
    @JsonIgnore
    public long size() {
        return layers.stream().mapToLong(LayerRecord::size).sum();
    }

    /** The digest of the config blob, which is the id. */
    @JsonIgnore
    public String configDigest() {
        return id;
    }
}
