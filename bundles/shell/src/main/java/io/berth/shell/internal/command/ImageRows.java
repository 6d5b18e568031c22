package io.berth.shell.internal.command;

import io.berth.api.image.ImageInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows {@code berth:images} shows for one image: one per tag, or one per digest (with tag {@code <none>})
 * for an untagged image pulled by digest, or a single {@code <none>} / {@code <none>} row. Stateless.
 */
final class ImageRows {

    /**
     * One row.
     *
     * @param repository familiar repository or {@code <none>}
     * @param tag        tag or {@code <none>}
     * @param digest     digest of the same repository or {@code <none>}
     */
    record ImageRow(String repository, String tag, String digest) {
    }

    private ImageRows() {
    }

    static List<ImageRow> rows(ImageInfo image) {
        List<ImageRow> rows = new ArrayList<>();
        for (String reference : image.repoTags()) {
            ImageNames.Familiar tagged = ImageNames.familiar(reference);
            rows.add(new ImageRow(tagged.repository(), tagged.tag(), digestOf(image, tagged.repository())));
        }
        if (rows.isEmpty()) {
            for (String reference : image.repoDigests()) {
                ImageNames.Familiar pinned = ImageNames.familiar(reference);
                rows.add(new ImageRow(pinned.repository(), ImageNames.NONE, pinned.digest()));
            }
        }
        if (rows.isEmpty()) {
            rows.add(new ImageRow(ImageNames.NONE, ImageNames.NONE, ImageNames.NONE));
        }
        return rows;
    }

    private static String digestOf(ImageInfo image, String repository) {
        for (String reference : image.repoDigests()) {
            ImageNames.Familiar pinned = ImageNames.familiar(reference);
            if (pinned.repository().equals(repository)) {
                return pinned.digest();
            }
        }
        return ImageNames.NONE;
    }
}
