package io.berth.images.internal.archive;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Names inside an image archive, lexically normalized ({@code ./a//b} is {@code a/b}). They are only ever
 * keys of the spool, never file-system paths. Stateless.
 */
final class ArchiveNames {

    static final int MAX_NAME_LENGTH = 4096;

    private ArchiveNames() {
    }

    /**
     * Normalizes a name found in the archive or in one of its documents.
     *
     * @param name    the name
     * @param baseDir the directory {@code name} is relative to ({@code ""} for the archive root)
     * @param context who names it, for the message ("entry", "manifest.json")
     * @throws io.berth.api.error.InvalidArgumentException for NUL, a too long or absolute name, or one that
     *         leaves the archive
     */
    static String normalize(String name, String baseDir, String context) {
        if (name == null || name.isEmpty()) {
            throw ArchiveErrors.invalid(context + " has an empty name");
        }
        if (name.indexOf('\0') >= 0) {
            throw ArchiveErrors.invalid(context + " \"" + ArchiveErrors.shown(name) + "\" contains a NUL character");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ArchiveErrors.invalid(context + " \"" + ArchiveErrors.shown(name) + "\" is too long");
        }
        if (name.startsWith("/")) {
            throw outside(name, context);
        }
        Deque<String> stack = new ArrayDeque<>();
        for (String component : (baseDir + "/" + name).split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (stack.isEmpty()) {
                    throw outside(name, context);
                }
                stack.removeLast();
            } else {
                stack.addLast(component);
            }
        }
        return String.join("/", stack);
    }

    /** The directory part of a normalized name ({@code ""} at the root). */
    static String parent(String normalized) {
        int slash = normalized.lastIndexOf('/');
        return slash < 0 ? "" : normalized.substring(0, slash);
    }

    private static RuntimeException outside(String name, String context) {
        return ArchiveErrors.invalid(context + " refers to \"" + ArchiveErrors.shown(name)
                + "\", outside the archive");
    }
}
