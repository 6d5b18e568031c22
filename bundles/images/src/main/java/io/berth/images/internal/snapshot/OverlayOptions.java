package io.berth.images.internal.snapshot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The option string of an overlay mount: {@code lowerdir=TOP:...:BOTTOM,upperdir=U,workdir=W}. Stateless.
 */
final class OverlayOptions {

    /** mount(2) copies at most one page of options, including the terminating NUL. */
    static final int MAX_BYTES = 4095;

    private OverlayOptions() {
    }

    /**
     * Builds the options for image layers given bottom first (as images list them). Overlay wants the top
     * layer first. A layer listed twice keeps only its topmost position: overlay refuses a directory twice,
     * and the lower occurrence is hidden by the upper one anyway.
     *
     * @throws IllegalArgumentException when there is no layer (overlay needs at least one lower directory),
     *         when a path holds a character the option syntax cannot carry, or when the options exceed
     *         {@value #MAX_BYTES} bytes (too many layers for one mount)
     */
    static String build(List<Path> layersBottomFirst, Path upper, Path work) {
        if (layersBottomFirst.isEmpty()) {
            throw new IllegalArgumentException("overlay needs at least one lower directory, the image has no layer");
        }
        String options = "lowerdir=" + lowerdir(layersBottomFirst) + ",upperdir=" + checked(upper)
                + ",workdir=" + checked(work);
        int bytes = options.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("overlay options of " + layersBottomFirst.size() + " layers take "
                    + bytes + " bytes, more than the " + MAX_BYTES + " mount(2) accepts");
        }
        return options;
    }

    /** The {@code lowerdir} value: distinct layers, top first, {@code :}-separated. */
    static String lowerdir(List<Path> layersBottomFirst) {
        List<Path> topFirst = new ArrayList<>(layersBottomFirst);
        Collections.reverse(topFirst);
        Set<Path> distinct = new LinkedHashSet<>(topFirst);
        return distinct.stream().map(OverlayOptions::checked).collect(Collectors.joining(":"));
    }

    /**
     * The absolute path as text, refused when it holds {@code ,} {@code :} {@code \} or a control character:
     * they separate or escape options and layers, and escaping rules differ between kernels.
     */
    static String checked(Path path) {
        String text = path.toAbsolutePath().toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ':' || c == '\\' || c < ' ') {
                throw new IllegalArgumentException("the path " + text + " contains '" + (c < ' ' ? "\\x"
                        + Integer.toHexString(c) : String.valueOf(c)) + "', which overlay mount options cannot carry");
            }
        }
        return text;
    }
}
