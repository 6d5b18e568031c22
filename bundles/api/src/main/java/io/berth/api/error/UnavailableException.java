package io.berth.api.error;

/** A component needed for the request is absent right now, such as a runtime whose bundle is stopped. HTTP 503. */
public class UnavailableException extends BerthException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
