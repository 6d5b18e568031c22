package io.berth.images.internal.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.berth.images.internal.files.PosixAttributes;
import io.berth.images.internal.layer.LayerChanges;
import io.berth.nativeio.FileNodes;

/**
 * Translates the whiteouts a layer records ({@link LayerChanges}) into overlayfs's form for one snapshot:
 * {@code whiteouts/<i>/} in the snapshot directory holds, for layer {@code i}, a 0/0 character device per deleted
 * path and a directory with {@code trusted.overlay.opaque=y} per opaque directory, and is stacked directly below
 * layer {@code i}, so it hides what the layers under it have while the layer's own content stays on top. Parent
 * directories take the mode, owner and time of the topmost lower layer that has them, so the merged view keeps
 * their attributes. A whiteout over nothing is left out. Layer paths are walked without following symbolic
 * links. Stateless.
 */
final class OverlayWhiteouts {

    static final String DIR = "whiteouts";
    private static final byte[] OPAQUE = "y".getBytes(StandardCharsets.US_ASCII);

    private OverlayWhiteouts() {
    }

    /** True when a layer above the bottom one deletes something (the bottom one has nothing to delete from). */
    static boolean needed(List<LayerChanges> changes) {
        return changes.stream().skip(1).anyMatch(c -> !c.isEmpty());
    }

    /** The lower directories, bottom first: each layer with changes has its whiteout directory right below it. */
    static List<Path> lowerDirs(Path snapshot, List<Path> layers, List<LayerChanges> changes) {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0 && !changes.get(i).isEmpty()) {
                dirs.add(snapshot.resolve(DIR).resolve(Integer.toString(i)));
            }
            dirs.add(layers.get(i));
        }
        return dirs;
    }

    /** Writes {@code whiteouts/<i>/} into {@code snapshot} for every layer above the bottom with changes. */
    static void write(Path snapshot, List<Path> layers, List<LayerChanges> changes, FileNodes nodes,
            boolean copyOwnership) throws IOException {
        for (int i = 1; i < layers.size(); i++) {
            if (!changes.get(i).isEmpty()) {
                List<Path> below = new ArrayList<>(layers.subList(0, i));
                Collections.reverse(below);
                Path target = Files.createDirectories(snapshot.resolve(DIR).resolve(Integer.toString(i)));
                new LayerWriter(target, below, nodes, copyOwnership).write(changes.get(i));
            }
        }
    }

    /** The whiteout directory of one layer. */
    private static final class LayerWriter {

        private final Path target;
        private final List<Path> belowTopFirst;
        private final FileNodes nodes;
        private final boolean copyOwnership;
        private final List<String> created = new ArrayList<>();

        LayerWriter(Path target, List<Path> belowTopFirst, FileNodes nodes, boolean copyOwnership) {
            this.target = target;
            this.belowTopFirst = belowTopFirst;
            this.nodes = nodes;
            this.copyOwnership = copyOwnership;
        }

        void write(LayerChanges changes) throws IOException {
            for (String dir : changes.opaqueDirs()) {
                List<String> parts = components(dir);
                if (!parts.isEmpty() && isDirectory(topmost(parts))) {
                    nodes.setXattr(directories(parts), FileNodes.OVERLAY_OPAQUE, OPAQUE);
                }
            }
            for (String path : changes.whiteouts()) {
                List<String> parts = components(path);
                if (parts.isEmpty() || topmost(parts) == null
                        || (parts.size() > 1 && !isDirectory(topmost(parts.subList(0, parts.size() - 1))))) {
                    continue;
                }
                Path parent = directories(parts.subList(0, parts.size() - 1));
                Path node = parent.resolve(parts.get(parts.size() - 1));
                if (!Files.exists(node, LinkOption.NOFOLLOW_LINKS)) {
                    nodes.whiteout(node);
                }
            }
            // deepest first: creating a child changes its parent's time
            for (int i = created.size() - 1; i >= 0; i--) {
                List<String> parts = components(created.get(i));
                PosixAttributes.copy(topmost(parts), target.resolve(created.get(i)), copyOwnership);
            }
        }

        /** Creates the directories of {@code parts} below the target (recording the new ones). */
        private Path directories(List<String> parts) throws IOException {
            Path current = target;
            for (int i = 0; i < parts.size(); i++) {
                current = current.resolve(parts.get(i));
                if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(current);
                    created.add(String.join("/", parts.subList(0, i + 1)));
                }
            }
            return current;
        }

        /** The path in the topmost lower layer that has it, reached through real directories only, or null. */
        private Path topmost(List<String> parts) {
            for (Path layer : belowTopFirst) {
                Path found = inLayer(layer, parts);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private static Path inLayer(Path layer, List<String> parts) {
            Path current = layer;
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0 && !isDirectory(current)) {
                    return null;
                }
                current = current.resolve(parts.get(i));
            }
            return Files.exists(current, LinkOption.NOFOLLOW_LINKS) ? current : null;
        }

        private static boolean isDirectory(Path path) {
            return path != null && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        }

        /** Layer-relative components; {@code .} and {@code ..} never occur (the unpacker refuses them). */
        private static List<String> components(String layerPath) {
            List<String> parts = Stream.of(layerPath.split("/")).filter(c -> !c.isEmpty()).toList();
            if (parts.stream().anyMatch(c -> c.equals(".") || c.equals(".."))) {
                throw new IllegalArgumentException("invalid whiteout path " + layerPath);
            }
            return parts;
        }
    }
}
