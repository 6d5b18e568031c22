package io.berth.images.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.images.internal.config.Json;
import io.berth.images.internal.files.AtomicFiles;
import io.berth.images.internal.files.TempNames;

/** Image metadata files {@code metadata/<id-hex>.json}, written atomically. Thread-safe per file. */
final class MetadataStore {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataStore.class);
    private static final String SUFFIX = ".json";

    private final Path dir;

    MetadataStore(Path dir) {
        this.dir = dir;
    }

    /** The records that could be read, plus how many files could not. */
    record Loaded(List<ImageRecord> records, int failures) {
    }

    Loaded loadAll() throws IOException {
        List<ImageRecord> records = new ArrayList<>();
        int failures = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (TempNames.isTemporary(name) || !name.endsWith(SUFFIX)) {
                    continue;
                }
                try {
                    records.add(Json.read(Files.readAllBytes(file), ImageRecord.class));
                } catch (IOException e) {
                    LOG.error("cannot read image metadata {}: {}", file, e.getMessage());
                    failures++;
                }
            }
        }
        return new Loaded(records, failures);
    }

    void write(ImageRecord record) {
        AtomicFiles.write(file(record.id()), Json.write(record));
    }

    void delete(String id) throws IOException {
        Files.deleteIfExists(file(id));
        AtomicFiles.syncDirectory(dir);
    }

    private Path file(String id) {
        return dir.resolve(Sha256.hex(id) + SUFFIX);
    }
}
