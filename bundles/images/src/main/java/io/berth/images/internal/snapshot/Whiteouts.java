package io.berth.images.internal.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.layer.LayerChanges;

/**
 * Applies a layer's whiteouts and opaque directories to a root filesystem copied from the layers below it,
 * before the layer itself is copied on top: a whited-out path is deleted, an opaque directory is emptied.
 * Paths are resolved inside the root without following symbolic links: when a parent is a link or not a
 * directory, there is nothing below it to delete (the layer's own directory replaces it when copied).
 * Stateless.
 */
final class Whiteouts {

    private Whiteouts() {
    }

    static void apply(Path rootfs, LayerChanges changes) throws IOException {
        for (String dir : changes.opaqueDirs()) {
            Path resolved = resolve(rootfs, dir);
            if (resolved != null && isRealDirectory(resolved)) {
                emptyDirectory(resolved);
            }
        }
        for (String path : changes.whiteouts()) {
            Path resolved = resolve(rootfs, path);
            if (resolved != null && !resolved.equals(rootfs)) {
                FileTrees.deleteRecursively(resolved);
            }
        }
    }

    /** The path inside {@code rootfs}, or {@code null} when a parent is missing, a link or not a directory. */
    private static Path resolve(Path rootfs, String layerPath) throws IOException {
        List<String> components = Stream.of(layerPath.split("/")).filter(c -> !c.isEmpty()).toList();
        Path current = rootfs;
        for (int i = 0; i < components.size(); i++) {
            String component = components.get(i);
            if (component.equals("..") || component.equals(".")) {
                return null;
            }
            if (i > 0 && !isRealDirectory(current)) {
                return null;
            }
            current = current.resolve(component);
        }
        if (!components.isEmpty() && !isRealDirectory(current.getParent())) {
            return null;
        }
        return current;
    }

    private static boolean isRealDirectory(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void emptyDirectory(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                FileTrees.deleteRecursively(child);
            }
        }
    }
}
