package io.berth.api.image;

import java.util.List;

/**
 * Options of an import of a root filesystem tarball.
 *
 * @param reference the reference to tag the new image with, or {@code null} for an untagged image
 * @param message   commit message recorded in the image history
 * @param changes   Dockerfile instructions applied to the config ({@code CMD}, {@code ENTRYPOINT}, {@code ENV},
 *                  {@code WORKDIR}, {@code USER}, {@code LABEL}, {@code STOPSIGNAL}, {@code EXPOSE}, {@code VOLUME})
 */
public record ImportOptions(String reference, String message, List<String> changes) {

    public ImportOptions {
        message = message == null ? "" : message;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Import with the given reference and nothing else. */
    public static ImportOptions tagged(String reference) {
        return new ImportOptions(reference, null, null);
    }
}
