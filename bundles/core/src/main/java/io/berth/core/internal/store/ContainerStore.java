package io.berth.core.internal.store;

import io.berth.common.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.core.internal.faults.CrashPoints;
import io.berth.core.internal.timing.Phases;

/**
 * The container directories under {@code <root>/containers}: {@code <id>/container.json} (the record),
 * {@code <id>/bundle/} (the OCI bundle) and {@code <id>/ctr.log} (the log). Records are written atomically
 * ({@link AtomicFiles}); a directory is deleted by renaming it away first ({@code .removed-<id>}), so that a
 * crash never leaves half a container. Thread-safe as long as one container is written by one thread at a
 * time (the engine holds the container's lock).
 */
public final class ContainerStore {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerStore.class);
    private static final String RECORD = "container.json";
    private static final String REMOVED_PREFIX = ".removed-";

    private final Path containersDir;
    private final CrashPoints crashes;

    public ContainerStore(Path containersDir) {
        this(containersDir, CrashPoints.NONE);
    }

    /** A store whose record writes pass {@link CrashPoints.Point#RECORD_BEFORE_RENAME}. */
    public ContainerStore(Path containersDir, CrashPoints crashes) {
        this.containersDir = containersDir;
        this.crashes = crashes;
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

    /**
     * Creates the container's (empty) log file if it is not there, so that a reader can hold it open from the
     * create on and read what a run wrote even after the container is removed (conmon appends to it).
     */
    public void createLog(String id) {
        try {
            Files.newOutputStream(logPath(id), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND).close();
        } catch (IOException e) {
            throw new BerthException("cannot create the log of " + id + ": " + e.getMessage(), e);
        }
    }

    /** Persists the record atomically and durably. @throws BerthException when the disk refuses */
    public void save(ContainerRecord record) {
        save(record, true);
    }

    /**
     * Persists the record atomically; durably (fsynced) only if {@code durable} (see
     * {@link AtomicFiles#write(Path, byte[], java.util.Set, Runnable, boolean)} for what a power cut may do to a
     * record that is not). @throws BerthException when the disk refuses
     */
    public void save(ContainerRecord record, boolean durable) {
        long begin = Phases.begin();
        try {
            Files.createDirectories(dir(record.id()));
            AtomicFiles.write(recordFile(record.id()), Json.mapper().writeValueAsBytes(record), null,
                    () -> crashes.reach(CrashPoints.Point.RECORD_BEFORE_RENAME), durable);
        } catch (IOException e) {
            throw new BerthException("cannot save container " + record.id() + ": " + e.getMessage(), e);
        }
        Phases.end(record.id(), "record write", begin);
    }

    /**
     * Reads every record. Unreadable records are logged and skipped, never deleted. What interrupted writes
     * and deletions left is deleted: temp files, directories that held nothing else (a create that did not
     * get to write its record), directories renamed away for deletion.
     */
    public List<ContainerRecord> loadAll() {
        List<ContainerRecord> records = new ArrayList<>();
        if (!Files.isDirectory(containersDir)) {
            return records;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(containersDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (dir.getFileName().toString().startsWith(REMOVED_PREFIX)) {
                    LOG.info("Deleting {}, left by an interrupted removal", dir);
                    FileTrees.deleteRecursively(dir);
                    continue;
                }
                removeTempFiles(dir);
                if (isEmpty(dir)) {
                    LOG.info("Deleting the empty container directory {}, left by an interrupted create", dir);
                    Files.deleteIfExists(dir);
                    continue;
                }
                load(dir).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new BerthException("cannot read " + containersDir + ": " + e.getMessage(), e);
        }
        return records;
    }

    /**
     * Deletes the container's directory and everything in it: {@link #detach} first, then deleted; {@link
     * #loadAll} finishes a deletion a crash interrupted.
     */
    public void delete(String id) {
        deleteDetached(detach(id));
    }

    /**
     * Renames the container's directory away ({@code .removed-<id>}): at once the container is gone from the disk
     * as a whole. Returns the renamed directory, for {@link #deleteDetached} (now or later, by another thread);
     * {@link #loadAll} deletes what a crash left of it.
     */
    public Path detach(String id) {
        long begin = Phases.begin();
        Path dir = dir(id);
        Path removed = containersDir.resolve(REMOVED_PREFIX + id);
        try {
            FileTrees.deleteRecursively(removed);
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(dir, removed, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new BerthException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
        Phases.end(id, "dir delete", begin);
        return removed;
    }

    /**
     * Deletes a directory {@link #detach} renamed away.
     *
     * @throws BerthException when it cannot be deleted (it is tried again at the next {@link #loadAll})
     */
    public static void deleteDetached(Path removed) {
        try {
            FileTrees.deleteRecursively(removed);
        } catch (IOException e) {
            throw new BerthException("cannot delete " + removed + ": " + e.getMessage(), e);
        }
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

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
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
