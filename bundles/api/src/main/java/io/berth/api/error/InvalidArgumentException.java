package io.berth.api.error;

/** The request itself is malformed or names something invalid. HTTP 400. */
public class InvalidArgumentException extends BerthException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
