package io.berth.images.internal.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import io.berth.images.internal.config.Json;
import io.berth.images.internal.store.Sha256;

/**
 * Writes a {@code docker save} archive in the classic layout that every {@code docker load} reads: per layer
 * {@code <v1-id>/VERSION}, {@code <v1-id>/json} and {@code <v1-id>/layer.tar} (the uncompressed layer, whose
 * sha256 is its diff-id), per image {@code <config-hex>.json}, then {@code manifest.json} and
 * {@code repositories}. The v1 ids chain the diff-ids, so a layer shared by images is written once. Streams
 * to the output, which is flushed but not closed. Not thread-safe.
 */
public final class DockerSaveWriter {

    private static final FileTime EPOCH = FileTime.from(Instant.EPOCH);
    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;

    private final TarArchiveOutputStream tar;
    private final Set<String> written = new HashSet<>();
    private final List<Map<String, Object>> manifest = new ArrayList<>();
    private final Map<String, Map<String, String>> repositories = new LinkedHashMap<>();

    /** Opens the content of one layer; called once, when the layer is written. */
    @FunctionalInterface
    public interface LayerContent {
        InputStream open() throws IOException;
    }

    /**
     * A layer to write.
     *
     * @param diffId  sha256 of the uncompressed tar
     * @param size    bytes of the uncompressed tar
     * @param content opens the uncompressed tar
     */
    public record Layer(String diffId, long size, LayerContent content) {
    }

    public DockerSaveWriter(OutputStream out) {
        this.tar = new TarArchiveOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /**
     * Writes one image's layers and config, and remembers its manifest entry.
     *
     * @param repoTags familiar references ({@code busybox:latest}), possibly none
     */
    public void addImage(byte[] config, List<Layer> layers, List<String> repoTags) throws IOException {
        List<String> layerPaths = new ArrayList<>();
        String parent = null;
        for (Layer layer : layers) {
            String v1 = v1Id(parent, layer.diffId());
            if (written.add(v1)) {
                writeLayer(v1, parent, layer);
            }
            layerPaths.add(v1 + "/layer.tar");
            parent = v1;
        }
        String configName = Sha256.hex(Sha256.of(config)) + ".json";
        if (written.add(configName)) {
            file(configName, config);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Config", configName);
        entry.put("RepoTags", repoTags.isEmpty() ? null : repoTags);
        entry.put("Layers", layerPaths);
        manifest.add(entry);
        for (String tag : repoTags) {
            int colon = tag.lastIndexOf(':');
            repositories.computeIfAbsent(tag.substring(0, colon), k -> new LinkedHashMap<>())
                    .put(tag.substring(colon + 1), parent == null ? "" : parent);
        }
    }

    /** Writes manifest.json and repositories and ends the archive; the output is flushed, not closed. */
    public void finish() throws IOException {
        file("manifest.json", Json.write(manifest));
        file("repositories", Json.write(repositories));
        tar.finish();
        tar.flush();
    }

    /** Docker's v1 ids only need to be unique per chain of layers; these hash the chain. */
    static String v1Id(String parent, String diffId) {
        String chain = parent == null ? diffId : parent + " " + diffId;
        return Sha256.hex(Sha256.of(chain.getBytes(StandardCharsets.UTF_8)));
    }

    private void writeLayer(String v1, String parent, Layer layer) throws IOException {
        TarArchiveEntry dir = new TarArchiveEntry(v1 + "/", TarConstants.LF_DIR, true);
        dir.setMode(DIR_MODE);
        dir.setModTime(EPOCH);
        tar.putArchiveEntry(dir);
        tar.closeArchiveEntry();
        file(v1 + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v1);
        if (parent != null) {
            json.put("parent", parent);
        }
        file(v1 + "/json", Json.write(json));
        TarArchiveEntry entry = entry(v1 + "/layer.tar", layer.size());
        tar.putArchiveEntry(entry);
        long copied;
        try (InputStream in = layer.content().open()) {
            copied = in.transferTo(tar);
        }
        if (copied != layer.size()) {
            throw new IOException("layer " + layer.diffId() + " changed while it was saved: expected "
                    + layer.size() + " bytes, read " + copied);
        }
        tar.closeArchiveEntry();
    }

    private void file(String name, byte[] content) throws IOException {
        tar.putArchiveEntry(entry(name, content.length));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        entry.setMode(FILE_MODE);
        entry.setModTime(EPOCH);
        entry.setSize(size);
        return entry;
    }
}
