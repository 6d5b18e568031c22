package io.berth.api.error;

/** The named object (container, image, runtime, ...) does not exist. HTTP 404. */
public class NotFoundException extends BerthException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
