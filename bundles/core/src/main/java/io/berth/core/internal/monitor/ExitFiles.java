package io.berth.core.internal.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exit directory: a runtime writes {@code <exitDir>/<id>} holding the decimal exit code (no newline) when
 * the container's process ends. Stateless and thread-safe.
 */
public final class ExitFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ExitFiles.class);

    private final Path dir;

    public ExitFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path fileOf(String id) {
        return dir.resolve(id);
    }

    /** The recorded exit code, or empty when there is no file or it is not written completely yet. */
    public OptionalInt read(String id) {
        return read(fileOf(id));
    }

    /** Deletes the exit file of {@code id}; a missing file is not an error. */
    public void delete(String id) {
        try {
            Files.deleteIfExists(fileOf(id));
        } catch (IOException e) {
            LOG.warn("Cannot delete exit file {}: {}", fileOf(id), e.toString());
        }
    }

    /** The exit code in {@code file}, or empty when there is none or it is not written completely yet. */
    public static OptionalInt read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (NoSuchFileException | NumberFormatException e) {
            return OptionalInt.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read exit file {}: {}", file, e.toString());
            return OptionalInt.empty();
        }
    }
}
