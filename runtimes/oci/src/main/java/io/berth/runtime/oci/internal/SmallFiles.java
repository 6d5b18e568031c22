package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the small text files conmon and the kernel write (pid files, exit files, sync files). */
final class SmallFiles {

    private static final int TAIL_CHARS = 2000;

    private SmallFiles() {
    }

    /** The file's text, or empty when it does not exist (yet). */
    static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The decimal number in the file, or empty when the file is missing, empty or not a number. */
    static OptionalInt readInt(Path file) {
        String text = read(file).orElse("").strip();
        try {
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The end of a log file, for error messages; empty when missing. */
    static String tail(Path file) {
        String text = read(file).orElse("").strip();
        return text.length() <= TAIL_CHARS ? text : "..." + text.substring(text.length() - TAIL_CHARS);
    }
}
