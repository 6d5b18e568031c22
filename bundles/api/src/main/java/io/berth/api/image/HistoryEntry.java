package io.berth.api.image;

import java.time.Instant;
import java.util.List;

/**
 * One step of an image's history, newest first in {@link ImageService#history}.
 *
 * @param id        the image id for the top step, {@code <missing>} for steps below it
 * @param created   when the step was made, {@code null} if unknown
 * @param createdBy the instruction that made it
 * @param tags      references of the image at this step
 * @param size      bytes the step's layer adds, 0 for an empty layer
 * @param comment   the step's comment
 */
public record HistoryEntry(String id, Instant created, String createdBy, List<String> tags, long size,
        String comment) {

    public HistoryEntry {
        createdBy = createdBy == null ? "" : createdBy;
        tags = tags == null ? List.of() : List.copyOf(tags);
        comment = comment == null ? "" : comment;
    }
}
