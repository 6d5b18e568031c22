package io.berth.images.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.berth.api.error.BerthException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnauthorizedException;
import io.berth.images.internal.config.Json;

/**
 * Turns registry failures into Berth's errors with Docker's wording: a request that failed in the network
 * ({@code Get "url": connection refused}), and an error answer with the distribution API's error body
 * ({@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"..."}]}}) or none. Stateless.
 */
final class RegistryErrors {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private RegistryErrors() {
    }

    /** The distribution API's error body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(@JsonProperty("errors") List<ErrorEntry> errors) {
    }

    /** One error of the body; {@code detail} is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEntry(@JsonProperty("code") String code, @JsonProperty("message") String message) {

        /** As Go's errcode prints it: {@code manifest unknown: manifest unknown}. */
        String text() {
            String name = code == null ? "unknown" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
            return message == null || message.isEmpty() ? name : name + ": " + message;
        }
    }

    /** An error answer: its status, the first error code (or empty) and a printable reason. */
    record Failure(int status, String code, String reason) {

        boolean is(String... codes) {
            return List.of(codes).contains(code);
        }
    }

    /** Reads what went wrong from an error answer's body (bounded); closes the body. */
    static Failure failure(int status, InputStream body) {
        byte[] bytes;
        try (InputStream in = body) {
            bytes = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            bytes = new byte[0];
        }
        try {
            ErrorBody parsed = Json.read(bytes, ErrorBody.class);
            if (parsed != null && parsed.errors() != null && !parsed.errors().isEmpty()) {
                ErrorEntry first = parsed.errors().get(0);
                return new Failure(status, first.code() == null ? "" : first.code(), first.text());
            }
        } catch (IOException | RuntimeException e) {
            // not the API's error body: fall through to the status
        }
        return new Failure(status, "", statusText(status));
    }

    /** A network failure of a request, worded as Go's HTTP client does. */
    static BerthException network(String method, URI uri, IOException e) {
        return new BerthException(method + " \"" + uri + "\": " + reason(e), e);
    }

    /** 401 and 403 answers. */
    static UnauthorizedException unauthorized(String method, URI uri, Failure failure) {
        return new UnauthorizedException(method + " \"" + uri + "\": " + failure.reason());
    }

    /** An error answer: {@link #unauthorized} for 401 and 403, else {@link #unexpected}. */
    static BerthException refused(String method, URI uri, Failure failure) {
        if (failure.status() == 401 || failure.status() == 403) {
            return unauthorized(method, uri, failure);
        }
        return unexpected(method, uri, failure);
    }

    /** Any other error answer. */
    static BerthException unexpected(String method, URI uri, Failure failure) {
        if (failure.status() == 404) {
            return new NotFoundException(method + " \"" + uri + "\": " + failure.reason());
        }
        return new BerthException(method + " \"" + uri + "\": " + failure.reason());
    }

    private static String reason(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (e instanceof ConnectException || cause instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "timeout awaiting response";
        }
        if (cause instanceof UnresolvedAddressException) {
            return "no such host";
        }
        String message = cause.getMessage();
        return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }

    private static String statusText(int status) {
        return switch (status) {
            case 401 -> "unauthorized: authentication required";
            case 403 -> "denied: requested access to the resource is denied";
            case 404 -> "not found";
            case 429 -> "toomanyrequests: too many requests";
            default -> "unexpected status " + status;
        };
    }
}
