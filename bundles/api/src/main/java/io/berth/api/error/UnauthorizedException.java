package io.berth.api.error;

/** The caller's credentials are missing or refused (by Berth or by a registry it talks to). HTTP 401. */
public class UnauthorizedException extends BerthException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(message);
    }

    public UnauthorizedException(String message, Throwable cause) {
        super(message, cause);
    }
}
