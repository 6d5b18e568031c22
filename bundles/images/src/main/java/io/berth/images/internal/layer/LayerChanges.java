package io.berth.images.internal.layer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a layer deletes from the layers below it, read from its OCI whiteouts: {@code .wh.<name>} entries
 * delete {@code <name>}, a {@code .wh..wh..opq} entry makes its directory opaque (everything below the
 * layer in it is hidden; the layer's own content stays). Whiteouts are never created as files in the layer
 * directory, so unpacking needs no privilege: an overlay snapshot translates them into overlayfs's 0/0
 * character devices and {@code trusted.overlay.opaque=y} attributes in a directory of its own, a copy applies
 * them as deletions. Paths are layer-relative, normalized, {@code /}-separated,
 * with a leading {@code /}; the layer root is {@code /}. Immutable.
 *
 * @param whiteouts  paths deleted from the layers below
 * @param opaqueDirs directories whose content from the layers below is hidden
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"whiteouts", "opaqueDirs"})
public record LayerChanges(@JsonProperty("whiteouts") List<String> whiteouts,
        @JsonProperty("opaqueDirs") List<String> opaqueDirs) {

    /** A layer that deletes nothing. */
    public static final LayerChanges NONE = new LayerChanges(List.of(), List.of());

    public LayerChanges {
        whiteouts = whiteouts == null ? List.of() : List.copyOf(whiteouts);
        opaqueDirs = opaqueDirs == null ? List.of() : List.copyOf(opaqueDirs);
    }

    /** True when the layer deletes nothing from below. */
    @JsonIgnore
    public boolean isEmpty() {
        return whiteouts.isEmpty() && opaqueDirs.isEmpty();
    }
}
