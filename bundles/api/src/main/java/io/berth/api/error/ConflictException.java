package io.berth.api.error;

/** The request conflicts with the object's state or with another object (name in use, removing a running container). HTTP 409. */
public class ConflictException extends BerthException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
