package io.berth.shell.internal.command;

import io.berth.api.image.ImageInfo;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code --filter} values {@code berth:images} understands: {@code dangling=true} (images no reference
 * names) and {@code dangling=false}. Stateless.
 */
final class ImageFilters {

    private ImageFilters() {
    }

    /**
     * The predicate of all filters together.
     *
     * @throws IllegalArgumentException for an unknown filter or a dangling value that is not a boolean, with
     *         Docker's wording
     */
    static Predicate<ImageInfo> parse(List<String> filters) {
        Predicate<ImageInfo> result = image -> true;
        if (filters == null) {
            return result;
        }
        for (String filter : filters) {
            result = result.and(one(filter));
        }
        return result;
    }

    private static Predicate<ImageInfo> one(String filter) {
        int eq = filter.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("bad format of filter (expected name=value)");
        }
        String name = filter.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = filter.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
        if (!name.equals("dangling")) {
            throw new IllegalArgumentException("invalid filter '" + filter.substring(0, eq) + "'");
        }
        return switch (value) {
            case "true", "1" -> ImageInfo::dangling;
            case "false", "0" -> image -> !image.dangling();
            default -> throw new IllegalArgumentException("Invalid filter 'dangling=" + value + "'");
        };
    }
}
