package io.berth.runtime.mock.internal;

import io.berth.common.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;

/**
 * The state directory of the mock runtime: one {@code <id>.json} file per container, holding a
 * {@link ContainerRecord}, written atomically. Files whose name starts with a dot are temp files and are
 * never read. Thread-safe as long as each container's file is written by one thread at a time.
 */
final class StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final String SUFFIX = ".json";

    private final Path dir;

    StateStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Replaces the container's state file. */
    void save(ContainerRecord record) {
        try {
            AtomicFiles.write(fileOf(record.setup().id()), Json.MAPPER.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new BerthException("cannot save the state of container " + record.setup().id() + ": " + e, e);
        }
    }

    /** Removes the container's state file; nothing happens if there is none. */
    void delete(String id) {
        try {
            AtomicFiles.delete(fileOf(id));
        } catch (IOException e) {
            throw new BerthException("cannot delete the state of container " + id + ": " + e, e);
        }
    }

    /** Every readable state file; unreadable ones are logged and skipped. An absent directory holds none. */
    List<ContainerRecord> loadAll() {
        List<ContainerRecord> records = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[!.]*" + SUFFIX)) {
            files.forEach(file -> load(file, records));
        } catch (IOException e) {
            throw new BerthException("cannot list the mock runtime state in " + dir + ": " + e, e);
        }
        return records;
    }

    private void load(Path file, List<ContainerRecord> into) {
        try {
            ContainerRecord record = Json.MAPPER.readValue(file.toFile(), ContainerRecord.class);
            if (!isComplete(record) || !fileOf(record.setup().id()).equals(file)) {
                throw new IOException("incomplete record, or one that belongs to another file");
            }
            into.add(record);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable mock runtime state file {}: {}", file, e.toString());
        }
    }

    private static boolean isComplete(ContainerRecord record) {
        ContainerSetup setup = record.setup();
        return setup != null && setup.id() != null && setup.logPath() != null && setup.exitDir() != null
                && setup.process() != null && !setup.process().args().isEmpty() && record.status() != null
                && record.progress() != null;
    }

    private Path fileOf(String id) {
        return dir.resolve(id + SUFFIX);
    }
}
