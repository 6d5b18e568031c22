package io.berth.images.internal.image;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.berth.api.image.HistoryEntry;
import io.berth.images.internal.store.LayerRecord;
import io.berth.images.internal.store.StoredImage;

/**
 * An image's history as {@code docker history} shows it: the config's history steps, newest first; a step
 * that is not an {@code empty_layer} takes the size of the next layer (bottom up). The newest step carries
 * the image id and its tags, older ones {@code <missing>}. Layers the history does not account for get
 * steps of their own; an image without history gets one step per layer. Stateless.
 */
final class ImageHistory {

    static final String MISSING = "<missing>";

    private ImageHistory() {
    }

    static List<HistoryEntry> of(StoredImage image, List<String> familiarTags) {
        List<LayerRecord> layers = image.record().layers();
        List<io.berth.images.internal.config.HistoryEntry> steps = image.config().history() == null ? List.of()
                : image.config().history();
        List<HistoryEntry> oldestFirst = new ArrayList<>();
        int layer = 0;
        for (io.berth.images.internal.config.HistoryEntry step : steps) {
            long size = 0;
            if (!Boolean.TRUE.equals(step.emptyLayer()) && layer < layers.size()) {
                size = layers.get(layer++).size();
            }
            oldestFirst.add(new HistoryEntry(MISSING, instant(step.created()), step.createdBy(), List.of(), size,
                    step.comment()));
        }
        for (; layer < layers.size(); layer++) {
            oldestFirst.add(new HistoryEntry(MISSING, image.config().createdAt(), "", List.of(),
                    layers.get(layer).size(), ""));
        }
        if (oldestFirst.isEmpty()) {
            oldestFirst.add(new HistoryEntry(MISSING, image.config().createdAt(), "", List.of(), 0, ""));
        }
        Collections.reverse(oldestFirst);
        HistoryEntry top = oldestFirst.get(0);
        oldestFirst.set(0, new HistoryEntry(image.id(), top.created(), top.createdBy(), familiarTags, top.size(),
                top.comment()));
        return List.copyOf(oldestFirst);
    }

    private static Instant instant(String created) {
        if (created == null || created.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(created).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
