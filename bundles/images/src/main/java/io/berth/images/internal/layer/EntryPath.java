package io.berth.images.internal.layer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.berth.api.error.InvalidArgumentException;

/**
 * The lexically normalized, layer-relative path of a tar entry. A leading {@code /} or {@code ./} is dropped
 * (absolute names are relative to the layer, as in Docker); {@code .} and empty components are dropped;
 * {@code ..} removes the previous component and is rejected when nothing is left to remove. Immutable.
 */
final class EntryPath {

    static final int MAX_COMPONENT_BYTES = 255;
    static final int MAX_PATH_BYTES = 4095;
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    /** aufs bookkeeping ({@code .wh..wh.plnk}, {@code .wh..wh.aufs}): meaningless here, skipped. */
    static final String AUFS_META_PREFIX = ".wh..wh.";

    private final List<String> components;

    private EntryPath(List<String> components) {
        this.components = List.copyOf(components);
    }

    /**
     * Normalizes an entry name.
     *
     * @param name     the name from the tar header
     * @param original the entry's own name, for the error message (differs from {@code name} for link targets)
     * @param role     what {@code name} is, for the error message ("path", "hardlink target")
     * @throws InvalidArgumentException when the name contains NUL, is too long or escapes the layer
     */
    static EntryPath of(String name, String original, String role) {
        if (name.indexOf('\0') >= 0) {
            throw LayerErrors.invalidEntry(original, role + " contains a NUL character");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw LayerErrors.invalidEntry(original, role + " is too long");
        }
        Deque<String> stack = new ArrayDeque<>();
        for (String component : name.split("/")) {
            push(stack, component, original, role);
        }
        return new EntryPath(List.copyOf(stack));
    }

    private static void push(Deque<String> stack, String component, String original, String role) {
        if (component.isEmpty() || component.equals(".")) {
            return;
        }
        if (component.equals("..")) {
            if (stack.isEmpty()) {
                throw LayerErrors.invalidEntry(original, role + " escapes the layer");
            }
            stack.removeLast();
            return;
        }
        if (component.getBytes(StandardCharsets.UTF_8).length > MAX_COMPONENT_BYTES) {
            throw LayerErrors.invalidEntry(original, role + " has a component longer than "
                    + MAX_COMPONENT_BYTES + " bytes");
        }
        stack.addLast(component);
    }

    /** The components from the layer root down; empty for the root itself. */
    List<String> components() {
        return components;
    }

    boolean isRoot() {
        return components.isEmpty();
    }

    /** True for OCI whiteout entries ({@code .wh.name} and {@code .wh..wh..opq}). */
    boolean isWhiteout() {
        return !isRoot() && components.get(components.size() - 1).startsWith(WHITEOUT_PREFIX);
    }

    /** The last component; empty for the root. */
    String fileName() {
        return isRoot() ? "" : components.get(components.size() - 1);
    }

    /** The parent's components ({@code isRoot()} must be false). */
    List<String> parent() {
        return components.subList(0, components.size() - 1);
    }

    /** True when a component above the last one starts with {@code .wh.} (a path through a whiteout). */
    boolean goesThroughWhiteout() {
        return !isRoot() && parent().stream().anyMatch(c -> c.startsWith(WHITEOUT_PREFIX));
    }

    /** The layer-relative form with a leading {@code /} ({@code /} for the root). */
    static String absolute(List<String> components) {
        return "/" + String.join("/", components);
    }

    @Override
    public String toString() {
        return String.join("/", components);
    }
}
