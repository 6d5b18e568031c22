package io.berth.images.internal.archive;

import io.berth.api.error.InvalidArgumentException;

/** The messages of image archive failures; all start with {@code invalid image archive:}. */
final class ArchiveErrors {

    private static final int MAX_SHOWN_NAME = 120;

    private ArchiveErrors() {
    }

    static InvalidArgumentException invalid(String reason) {
        return new InvalidArgumentException("invalid image archive: " + reason);
    }

    static InvalidArgumentException invalid(String reason, Throwable cause) {
        return new InvalidArgumentException("invalid image archive: " + reason, cause);
    }

    /** A name as it can be shown: NUL visible, long names shortened. */
    static String shown(String name) {
        String printable = name.replace("\0", "\\0");
        if (printable.length() <= MAX_SHOWN_NAME) {
            return printable;
        }
        return printable.substring(0, MAX_SHOWN_NAME) + "...(" + printable.length() + " characters)";
    }
}
