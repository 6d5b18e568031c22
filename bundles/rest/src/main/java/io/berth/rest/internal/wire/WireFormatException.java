package io.berth.rest.internal.wire;

/** A request body that is not valid JSON or has a value of the wrong type: answered with 400. */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
