package io.berth.rest.internal.http;

/**
 * An error that belongs to HTTP rather than to the engine (body too large, bad version prefix, bad query
 * parameter), with the status to answer.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 400 with the given message. */
    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }
}
