package io.berth.core.internal.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.Mount;
import io.berth.api.error.InvalidArgumentException;
import io.berth.core.internal.store.FileTrees;

/**
 * The mounts of a container spec: validation with Docker's messages, names for anonymous volumes, and
 * volumes as directories {@code <root>/volumes/<name>/_data} bind-mounted into the container. Stateless.
 */
final class VolumeMounts {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeMounts.class);
    private static final Pattern VOLUME_NAME = Pattern.compile(ContainerNames.ALLOWED + "+");

    private VolumeMounts() {
    }

    /** @throws InvalidArgumentException for a relative target, a missing bind source, a bad volume name */
    static void validate(List<Mount> mounts) {
        Set<String> targets = new HashSet<>();
        for (Mount mount : mounts) {
            if (mount.type() == null) {
                throw new InvalidArgumentException("invalid mount config: mount type is missing");
            }
            requireAbsolute(mount.type().name().toLowerCase(Locale.ROOT), mount.target());
            if (!targets.add(mount.target())) {
                throw new InvalidArgumentException("Duplicate mount point: " + mount.target());
            }
            if (mount.type() == Mount.Type.BIND) {
                validateBindSource(mount.source());
            } else if (mount.type() == Mount.Type.VOLUME && !isAnonymous(mount)
                    && !VOLUME_NAME.matcher(mount.source()).matches()) {
                throw new InvalidArgumentException("\"" + mount.source() + "\" includes invalid characters for a"
                        + " local volume name, only \"" + ContainerNames.ALLOWED + "\" are allowed");
            }
        }
    }

    /** The mounts with a generated name for every anonymous volume; the names are added to {@code names}. */
    static List<Mount> nameAnonymous(List<Mount> mounts, List<String> names) {
        List<Mount> result = new ArrayList<>();
        for (Mount mount : mounts) {
            if (mount.type() == Mount.Type.VOLUME && isAnonymous(mount)) {
                String name = ContainerIds.generate();
                names.add(name);
                mount = new Mount(Mount.Type.VOLUME, name, mount.target(), mount.readOnly());
            }
            result.add(mount);
        }
        return result;
    }

    /** The mounts with volumes turned into bind mounts of their directories, which are created. */
    static List<Mount> resolve(List<Mount> mounts, Path volumesDir) throws IOException {
        List<Mount> result = new ArrayList<>();
        for (Mount mount : mounts) {
            if (mount.type() == Mount.Type.VOLUME) {
                Path data = Files.createDirectories(volumesDir.resolve(mount.source()).resolve("_data"));
                mount = new Mount(Mount.Type.BIND, data.toString(), mount.target(), mount.readOnly());
            }
            result.add(mount);
        }
        return result;
    }

    /** Deletes the given volumes; failures are logged. */
    static void delete(List<String> names, Path volumesDir) {
        for (String name : names) {
            try {
                FileTrees.deleteRecursively(volumesDir.resolve(name));
            } catch (IOException e) {
                LOG.warn("Cannot delete volume {}: {}", name, e.toString());
            }
        }
    }

    private static boolean isAnonymous(Mount mount) {
        return mount.source() == null || mount.source().isEmpty();
    }

    private static void requireAbsolute(String type, String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidArgumentException(
                    "invalid mount config for type \"" + type + "\": field Target must not be empty");
        }
        if (!path.startsWith("/")) {
            throw new InvalidArgumentException("invalid mount config for type \"" + type
                    + "\": invalid mount path: '" + path + "' mount path must be absolute");
        }
    }

    private static void validateBindSource(String source) {
        if (source == null || source.isEmpty()) {
            throw new InvalidArgumentException(
                    "invalid mount config for type \"bind\": field Source must not be empty");
        }
        requireAbsolute("bind", source);
        if (!Files.exists(Path.of(source))) {
            throw new InvalidArgumentException(
                    "invalid mount config for type \"bind\": bind source path does not exist: " + source);
        }
    }
}
