package io.berth.api.error;

/**
 * Base of every error Berth's services report. Unchecked, so service interfaces stay readable; the message
 * is meant for the user and is printed as it is by the console and returned as {@code {"message": ...}} by
 * the REST API. A plain {@code BerthException} is an internal error.
 */
public class BerthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BerthException(String message) {
        super(message);
    }

    public BerthException(String message, Throwable cause) {
        super(message, cause);
    }
}
