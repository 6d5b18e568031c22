package io.berth.rest.internal.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.NotImplementedException;
import io.berth.api.error.NotModifiedException;
import io.berth.api.error.UnauthorizedException;
import io.berth.api.error.UnavailableException;
import io.berth.rest.internal.wire.WireFormatException;

/**
 * The one place where failures become HTTP statuses (R13): the {@code io.berth.api.error} hierarchy, HTTP-level
 * {@link HttpError}s and malformed bodies. Anything else is an internal error: 500, logged with its stack.
 * A new case here is a review event.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** The status and the message of Docker's {@code {"message": ...}} body. */
    public record ApiError(int status, String message) {
    }

    private ErrorMapper() {
    }

    /** Maps a failure of {@code what} (method and path, for the log). */
    public static ApiError map(Throwable t, String what) {
        int status = statusOf(t);
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (status == 500) {
            LOG.error("{} failed", what, t);
        } else {
            LOG.debug("{} -> {} {}", what, status, message);
        }
        return new ApiError(status, message);
    }

    private static int statusOf(Throwable t) {
        if (t instanceof HttpError h) {
            return h.status();
        }
        if (t instanceof WireFormatException) {
            return 400;
        }
        if (t instanceof NotFoundException) {
            return 404;
        }
        if (t instanceof UnauthorizedException) {
            return 401;
        }
        if (t instanceof ConflictException) {
            return 409;
        }
        if (t instanceof InvalidArgumentException) {
            return 400;
        }
        if (t instanceof UnavailableException) {
            return 503;
        }
        if (t instanceof NotModifiedException) {
            return 304;
        }
        if (t instanceof NotImplementedException) {
            return 501;
        }
        return 500;
    }
}
