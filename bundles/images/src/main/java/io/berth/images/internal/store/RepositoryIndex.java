package io.berth.images.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.berth.images.internal.config.Json;
import io.berth.images.internal.files.AtomicFiles;

/**
 * {@code repositories.json}: normalized reference ({@code docker.io/library/busybox:latest}) to image id.
 * Every change is written atomically before it becomes visible in memory. Not thread-safe: guarded by the
 * {@link ImageStore} lock.
 */
final class RepositoryIndex {

    private final Path file;
    private SortedMap<String, String> references;

    private RepositoryIndex(Path file, SortedMap<String, String> references) {
        this.file = file;
        this.references = references;
    }

    /** The persisted form. */
    record Document(@JsonProperty("references") Map<String, String> references) {
    }

    static RepositoryIndex load(Path file) throws IOException {
        SortedMap<String, String> refs = new TreeMap<>();
        if (Files.exists(file)) {
            Document doc = Json.read(Files.readAllBytes(file), Document.class);
            if (doc.references() != null) {
                refs.putAll(doc.references());
            }
        }
        return new RepositoryIndex(file, refs);
    }

    /** The image id a reference points at, or {@code null}. */
    String get(String reference) {
        return references.get(reference);
    }

    /** References pointing at an image, sorted. */
    List<String> referencesTo(String id) {
        return references.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).toList();
    }

    /** Points a reference at an image; returns the id it pointed at before, or {@code null}. */
    String put(String reference, String id) {
        SortedMap<String, String> next = new TreeMap<>(references);
        String previous = next.put(reference, id);
        save(next);
        return previous;
    }

    /** Points several references at images in one write; all or nothing. */
    void putAll(Map<String, String> referencesToIds) {
        SortedMap<String, String> next = new TreeMap<>(references);
        next.putAll(referencesToIds);
        save(next);
    }

    /** Removes a reference; false when it did not exist. */
    boolean remove(String reference) {
        if (!references.containsKey(reference)) {
            return false;
        }
        SortedMap<String, String> next = new TreeMap<>(references);
        next.remove(reference);
        save(next);
        return true;
    }

    /** Drops references to images that are not in {@code ids}; returns the dropped references. */
    List<String> retainImages(Set<String> ids) {
        List<String> dropped = references.entrySet().stream().filter(e -> !ids.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (!dropped.isEmpty()) {
            SortedMap<String, String> next = new TreeMap<>(references);
            dropped.forEach(next::remove);
            save(next);
        }
        return dropped;
    }

    private void save(SortedMap<String, String> next) {
        AtomicFiles.write(file, Json.write(new Document(next)));
        references = Collections.unmodifiableSortedMap(next);
    }
}
