package io.berth.api.error;

/** Berth does not support this request yet. HTTP 501. */
public class NotImplementedException extends BerthException {
    private static final long serialVersionUID = 1L;

    public NotImplementedException(String message) {
        super(message);
    }

    public NotImplementedException(String message, Throwable cause) {
        super(message, cause);
    }
}
