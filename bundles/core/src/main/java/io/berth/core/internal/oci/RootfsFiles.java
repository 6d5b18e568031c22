package io.berth.core.internal.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads files of a container's root filesystem as the container would see them, without ever leaving it:
 * symbolic links are resolved inside the root (an absolute target starts again at the root, {@code ..} stops
 * at it), as moby's {@code FollowSymlinkInScope} does, and only regular files are read, at most
 * {@link #MAX_BYTES}. Stateless.
 */
public final class RootfsFiles {

    /** More links than this on one path is a loop. */
    static final int MAX_LINKS = 255;

    /** Larger files are read up to this size only. */
    static final int MAX_BYTES = 4 << 20;

    private RootfsFiles() {
    }

    /**
     * The text of {@code path} inside {@code root}; empty when it does not exist or is not a regular file
     * (a directory, a FIFO, a device).
     *
     * @throws IOException when it cannot be read, or its path loops
     */
    public static Optional<String> readText(Path root, String path) throws IOException {
        Path file = resolveInScope(root, path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!file.toRealPath().startsWith(root.toRealPath())) {
            throw new IOException(path + " resolves outside the root filesystem");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    /**
     * The host path of {@code path} inside {@code root}, with every symbolic link on the way resolved within
     * the root. The result need not exist.
     *
     * @throws IOException after {@link #MAX_LINKS} links, or when a component cannot be inspected
     */
    public static Path resolveInScope(Path root, String path) throws IOException {
        Deque<String> pending = new ArrayDeque<>(components(path));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.remove(resolved.size() - 1);
                }
                continue;
            }
            Path candidate = join(root, resolved).resolve(part);
            BasicFileAttributes attrs = attributes(candidate);
            if (attrs == null || !attrs.isSymbolicLink()) {
                resolved.add(part);
                if (attrs == null) {
                    pending.stream().filter(rest -> !rest.equals("..")).forEach(resolved::add);
                    return join(root, resolved);
                }
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new IOException("too many levels of symbolic links in " + path);
            }
            String target = Files.readSymbolicLink(candidate).toString();
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> targetParts = components(target);
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                pending.addFirst(targetParts.get(i));
            }
        }
        return join(root, resolved);
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return null;
        }
    }

    /** The non-empty, non-{@code .} components of a path. */
    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static Path join(Path root, List<String> parts) {
        Path result = root;
        for (String part : parts) {
            result = result.resolve(part);
        }
        return result;
    }
}
