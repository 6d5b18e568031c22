package io.berth.core.internal.store;

import io.berth.common.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.core.internal.timing.Phases;

/**
 * The container directories under {@code <root>/containers}: {@code <id>/container.json} (the record),
 * {@code <id>/bundle/} (the OCI bundle) and {@code <id>/ctr.log} (the log). Records are written atomically
 * ({@link AtomicFiles}). Thread-safe as long as one container is written by one thread at a time (the
 * engine holds the container's lock).
 */
public final class ContainerStore {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerStore.class);
    private static final String RECORD = "container.json";

    private final Path containersDir;

    public ContainerStore(Path containersDir) {
        this.containersDir = containersDir;
    }

    public Path dir(String id) {
        return containersDir.resolve(id);
    }

    public Path recordFile(String id) {
        return dir(id).resolve(RECORD);
    }

    public Path bundleDir(String id) {
        return dir(id).resolve("bundle");
    }

    public Path logPath(String id) {
        return dir(id).resolve("ctr.log");
    }

    /** Persists the record atomically. @throws BerthException when the disk refuses */
    public void save(ContainerRecord record) {
        long begin = Phases.begin();
        try {
            Files.createDirectories(dir(record.id()));
            AtomicFiles.write(recordFile(record.id()), Json.mapper().writeValueAsBytes(record));
        } catch (IOException e) {
            throw new BerthException("cannot save container " + record.id() + ": " + e.getMessage(), e);
        }
        Phases.end(record.id(), "record write", begin);
    }

    /**
     * Reads every record. Unreadable records are logged and skipped, never deleted; leftover temp files of
     * interrupted writes are deleted.
     */
    public List<ContainerRecord> loadAll() {
        List<ContainerRecord> records = new ArrayList<>();
        if (!Files.isDirectory(containersDir)) {
            return records;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(containersDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                removeTempFiles(dir);
                load(dir).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new BerthException("cannot read " + containersDir + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** Deletes the container's directory and everything in it. */
    public void delete(String id) {
        long begin = Phases.begin();
        try {
            FileTrees.deleteRecursively(dir(id));
        } catch (IOException e) {
            throw new BerthException("cannot delete " + dir(id) + ": " + e.getMessage(), e);
        }
        Phases.end(id, "dir delete", begin);
    }

    private Optional<ContainerRecord> load(Path dir) {
        Path file = dir.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            LOG.warn("Skipping {}: no {}", dir, RECORD);
            return Optional.empty();
        }
        try {
            ContainerRecord record = Json.mapper().readValue(file.toFile(), ContainerRecord.class);
            if (record.id() == null || !record.id().equals(dir.getFileName().toString())) {
                LOG.warn("Skipping {}: its id does not match the directory", file);
                return Optional.empty();
            }
            return Optional.of(record);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable container record {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static void removeTempFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, AtomicFiles::isTempFile)) {
            for (Path temp : files) {
                LOG.info("Deleting leftover temp file {}", temp);
                Files.deleteIfExists(temp);
            }
        }
    }
}
