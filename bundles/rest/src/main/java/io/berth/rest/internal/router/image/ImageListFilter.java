package io.berth.rest.internal.router.image;

import java.util.Set;
import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageInfo;
import io.berth.rest.internal.wire.Filters;
import io.berth.rest.internal.wire.ImageWire;

/** The filters of {@code GET /images/json}: {@code dangling}, {@code label}, {@code reference} (with globs). */
final class ImageListFilter {

    static final Set<String> KEYS = Set.of("dangling", "label", "reference");

    private final Filters filters;

    ImageListFilter(Filters filters) {
        this.filters = filters;
        for (String d : filters.get("dangling")) {
            if (!Set.of("true", "false", "1", "0").contains(d)) {
                throw new InvalidArgumentException("invalid filter 'dangling=" + d + "'");
            }
        }
    }

    boolean matches(ImageInfo i) {
        return dangling(i) && labels(i) && reference(i);
    }

    private boolean dangling(ImageInfo i) {
        Set<String> d = filters.get("dangling");
        if (d.isEmpty()) {
            return true;
        }
        boolean want = d.contains("true") || d.contains("1");
        return i.dangling() == want;
    }

    private boolean labels(ImageInfo i) {
        for (String label : filters.get("label")) {
            int eq = label.indexOf('=');
            String value = i.config().labels().get(eq < 0 ? label : label.substring(0, eq));
            if (value == null || eq >= 0 && !value.equals(label.substring(eq + 1))) {
                return false;
            }
        }
        return true;
    }

    private boolean reference(ImageInfo i) {
        Set<String> refs = filters.get("reference");
        if (refs.isEmpty()) {
            return true;
        }
        for (String tag : i.repoTags()) {
            String familiar = ImageWire.familiar(tag);
            String repo = familiar.substring(0, familiar.lastIndexOf(':') < 0 ? familiar.length()
                    : familiar.lastIndexOf(':'));
            for (String want : refs) {
                Pattern p = Pattern.compile(glob(want));
                if (p.matcher(familiar).matches() || p.matcher(repo).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
        }
        return re.toString();
    }
}
