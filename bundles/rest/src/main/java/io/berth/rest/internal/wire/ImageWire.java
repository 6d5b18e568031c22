package io.berth.rest.internal.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.api.image.HistoryEntry;
import io.berth.api.image.ImageConfig;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageRemoval;

/**
 * Docker's JSON for images. References are shown in their familiar form ({@code busybox:latest} for
 * {@code docker.io/library/busybox:latest}), as the CLI expects.
 */
public final class ImageWire {

    private ImageWire() {
    }

    /** The familiar form of a normalized reference. */
    public static String familiar(String ref) {
        if (ref == null) {
            return null;
        }
        if (ref.startsWith("docker.io/library/")) {
            return ref.substring("docker.io/library/".length());
        }
        return ref.startsWith("docker.io/") ? ref.substring("docker.io/".length()) : ref;
    }

    /** One row of {@code GET /images/json}; {@code VirtualSize} only below API 1.44. */
    public static Map<String, Object> summary(ImageInfo i, boolean withVirtualSize) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Containers", -1);
        m.put("Created", i.created() == null ? 0 : i.created().getEpochSecond());
        m.put("Id", i.id());
        m.put("Labels", i.config().labels().isEmpty() ? null : i.config().labels());
        m.put("ParentId", "");
        m.put("RepoDigests", i.repoDigests().stream().map(ImageWire::familiar).toList());
        m.put("RepoTags", i.repoTags().stream().map(ImageWire::familiar).toList());
        m.put("SharedSize", -1);
        m.put("Size", i.size());
        if (withVirtualSize) {
            m.put("VirtualSize", i.size());
        }
        return m;
    }

    /** {@code GET /images/{name}/json}. */
    public static Map<String, Object> inspect(ImageInfo i, boolean withVirtualSize) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", i.id());
        m.put("RepoTags", i.repoTags().stream().map(ImageWire::familiar).toList());
        m.put("RepoDigests", i.repoDigests().stream().map(ImageWire::familiar).toList());
        m.put("Parent", "");
        m.put("Comment", i.comment());
        if (i.created() != null) {
            m.put("Created", Times.rfc3339(i.created()));
        }
        m.put("DockerVersion", "");
        m.put("Author", i.author());
        m.put("Config", config(i.config()));
        m.put("Architecture", i.architecture());
        m.put("Os", i.os());
        m.put("Size", i.size());
        if (withVirtualSize) {
            m.put("VirtualSize", i.size());
        }
        m.put("GraphDriver", Map.of("Name", "overlay", "Data", Map.of()));
        m.put("RootFS", Map.of("Type", "layers", "Layers", i.diffIds()));
        m.put("Metadata", Map.of("LastTagTime", Times.ZERO));
        return m;
    }

    private static Map<String, Object> config(ImageConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Cmd", c.cmd().isEmpty() ? null : c.cmd());
        m.put("Entrypoint", c.entrypoint().isEmpty() ? null : c.entrypoint());
        m.put("Env", c.env().isEmpty() ? null : c.env());
        m.put("WorkingDir", c.workingDir());
        m.put("User", c.user());
        m.put("Labels", c.labels().isEmpty() ? null : c.labels());
        m.put("ExposedPorts", c.exposedPorts().isEmpty() ? null : asSet(c.exposedPorts()));
        m.put("Volumes", c.volumes().isEmpty() ? null : asSet(c.volumes()));
        if (!c.stopSignal().isEmpty()) {
            m.put("StopSignal", c.stopSignal());
        }
        return m;
    }

    private static Map<String, Object> asSet(List<String> keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, Map.of()));
        return m;
    }

    /** {@code GET /images/{name}/history}. */
    public static Map<String, Object> history(HistoryEntry h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", h.id());
        m.put("Created", h.created() == null ? 0 : h.created().getEpochSecond());
        m.put("CreatedBy", h.createdBy());
        m.put("Tags", h.tags().isEmpty() ? null : h.tags().stream().map(ImageWire::familiar).toList());
        m.put("Size", h.size());
        m.put("Comment", h.comment());
        return m;
    }

    /** One step of a removal: {@code {"Untagged": ...}} or {@code {"Deleted": ...}}. */
    public static Map<String, Object> removal(ImageRemoval r) {
        return r.untagged() != null ? Map.of("Untagged", familiar(r.untagged())) : Map.of("Deleted", r.deleted());
    }
}
