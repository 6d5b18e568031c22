package io.berth.images.internal.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code rootfs} object of an OCI image config: the layer diff-ids, bottom first. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"type", "diff_ids"})
public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {

    public static final String LAYERS = "layers";

    public RootFs {
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }

    /** A root filesystem of the given layers. */
    public static RootFs layers(List<String> diffIds) {
        return new RootFs(LAYERS, diffIds);
    }
}
