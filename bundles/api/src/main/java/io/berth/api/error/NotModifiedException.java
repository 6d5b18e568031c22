package io.berth.api.error;

/** The request asks for the state the object is already in (start a running container). HTTP 304. */
public class NotModifiedException extends BerthException {
    private static final long serialVersionUID = 1L;

    public NotModifiedException(String message) {
        super(message);
    }

    public NotModifiedException(String message, Throwable cause) {
        super(message, cause);
    }
}
