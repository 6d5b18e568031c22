package io.berth.images.internal.layer;

import java.io.EOFException;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;

/** The messages of layer extraction failures, naming the offending entry. */
public final class LayerErrors {

    private static final int MAX_SHOWN_NAME = 120;

    private LayerErrors() {
    }

    /** A hostile or malformed entry: {@code invalid layer entry "../etc/passwd": path escapes the layer}. */
    static InvalidArgumentException invalidEntry(String name, String reason) {
        return new InvalidArgumentException("invalid layer entry \"" + shown(name) + "\": " + reason);
    }

    /** The archive itself cannot be read (not a tar, corrupt compression, truncated, input failed). */
    public static InvalidArgumentException invalidArchive(Exception cause) {
        String detail = cause instanceof EOFException || cause.getMessage() == null
                ? "unexpected end of archive" : cause.getMessage();
        return new InvalidArgumentException("invalid tar archive: " + detail, cause);
    }

    /** The file system refused a write while extracting an entry. */
    /** A stream too short to hold even one tar header: not a tar archive at all. */
    static InvalidArgumentException notATar(long bytes) {
        return new InvalidArgumentException("invalid tar archive: " + bytes
                + " bytes, shorter than one tar header (is the body a tar file?)");
    }

    static BerthException storageFailure(String name, Exception cause) {
        return new BerthException("cannot unpack layer entry \"" + shown(name) + "\": " + cause.getMessage(), cause);
    }

    private static String shown(String name) {
        String printable = name.replace("\0", "\\0");
        if (printable.length() <= MAX_SHOWN_NAME) {
            return printable;
        }
        return printable.substring(0, MAX_SHOWN_NAME) + "...(" + printable.length() + " characters)";
    }
}
