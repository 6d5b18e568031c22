package io.berth.images.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.berth.api.error.BerthException;
import io.berth.api.error.UnauthorizedException;
import io.berth.api.image.RegistryAuth;
import io.berth.images.internal.reference.ImageReference;

/**
 * Requests to one repository of one registry with authentication settled: {@link #open} pings {@code /v2/}
 * (HTTPS, then plain HTTP for an insecure registry), and the challenge it gets decides how later requests are
 * authorized (a bearer token for {@code repository:<path>:pull}, basic credentials, or nothing). Redirects are
 * followed by hand so that credentials never go to another host. Thread-safe: downloads share one session.
 */
public final class RegistrySession {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 10;

    private final HttpClient http;
    private final URI base;
    private final ImageReference reference;
    private final RegistryAuth auth;
    private volatile AuthChallenge challenge;
    private volatile String authorization;

    private RegistrySession(HttpClient http, URI base, ImageReference reference, RegistryAuth auth,
            AuthChallenge challenge) {
        this.http = http;
        this.base = base;
        this.reference = reference;
        this.auth = auth;
        this.challenge = challenge;
        if (!auth.registryToken().isEmpty()) {
            authorization = "Bearer " + auth.registryToken();
        }
    }

    /**
     * Finds the registry of {@code reference} and how it wants to be authorized. When no base answers, the error
     * of the last one tried is thrown (plain HTTP for an insecure registry, as Docker reports it).
     */
    public static RegistrySession open(HttpClient http, RegistryHosts hosts, ImageReference reference,
            RegistryAuth auth) {
        Ping ping = ping(http, hosts, RegistryHosts.host(reference));
        return new RegistrySession(http, ping.base(), reference, auth, ping.challenge().orElse(null));
    }

    /**
     * How a registry answered an anonymous {@code GET /v2/}: the base that answered, the status and, for a 401,
     * the challenge (when it is one Berth can answer).
     */
    record Ping(URI base, int status, Optional<AuthChallenge> challenge) {
    }

    /** Asks each base of {@code host} in turn; when none answers, the last one's error is thrown. */
    static Ping ping(HttpClient http, RegistryHosts hosts, String host) {
        BerthException last = null;
        for (URI candidate : hosts.bases(host)) {
            URI ping = candidate.resolve("/v2/");
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(ping).timeout(PING_TIMEOUT)
                        .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
                Optional<AuthChallenge> challenge = response.statusCode() == 401 ? challengeOf(response)
                        : Optional.empty();
                return new Ping(candidate, response.statusCode(), challenge);
            } catch (IOException e) {
                last = RegistryErrors.network("Get", ping, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BerthException("interrupted while contacting " + ping, e);
            }
        }
        throw Objects.requireNonNull(last);
    }

    public ImageReference reference() {
        return reference;
    }

    /** The URL of a path under {@code /v2/<repository>/}. */
    public URI url(String subPath) {
        return base.resolve("/v2/" + reference.path() + "/" + subPath);
    }

    /**
     * {@code GET} of a path under the repository, authorized, redirects followed. The answer may be any status;
     * the caller reads (and closes) its body.
     */
    public HttpResponse<InputStream> get(String subPath, String accept, Duration timeout) {
        URI uri = url(subPath);
        HttpResponse<InputStream> response = send(uri, accept, timeout, authorize(uri));
        if (response.statusCode() == 401 && authorization == null && challenge == null) {
            Optional<AuthChallenge> late = challengeOf(response);
            if (late.isPresent()) {
                close(response);
                challenge = late.get();
                response = send(uri, accept, timeout, authorize(uri));
            }
        }
        return response;
    }

    private String authorize(URI uri) {
        AuthChallenge current = challenge;
        if (authorization != null || current == null) {
            return authorization;
        }
        synchronized (this) {
            if (authorization == null) {
                authorization = authorizationFor(current, uri);
            }
            return authorization;
        }
    }

    private String authorizationFor(AuthChallenge current, URI uri) {
        if (current.isBearer()) {
            return "Bearer " + TokenService.fetch(http, current, "repository:" + reference.path() + ":pull", auth);
        }
        if (current.isBasic()) {
            if (auth.username().isEmpty()) {
                throw new UnauthorizedException("Get \"" + uri + "\": no basic auth credentials");
            }
            return TokenService.basic(auth);
        }
        throw new BerthException("Get \"" + uri + "\": unsupported authentication scheme " + current.scheme());
    }

    private HttpResponse<InputStream> send(URI start, String accept, Duration timeout, String authHeader) {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            boolean sameOrigin = sameOrigin(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (authHeader != null && sameOrigin) {
                request.header("Authorization", authHeader);
            }
            HttpResponse<InputStream> response = exchange(http, request.build());
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status < 300 || status >= 400 || location.isEmpty()) {
                return response;
            }
            close(response);
            uri = uri.resolve(location.get());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new BerthException("Get \"" + start + "\": redirected to an unsupported URL " + uri);
            }
        }
        throw new BerthException("Get \"" + start + "\": stopped after " + MAX_REDIRECTS + " redirects");
    }

    /** Sends a {@code GET}; a network failure is worded as Go's HTTP client does. */
    static HttpResponse<InputStream> exchange(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw RegistryErrors.network("Get", request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("interrupted while requesting " + request.uri(), e);
        }
    }

    private boolean sameOrigin(URI uri) {
        return Objects.equals(uri.getScheme(), base.getScheme()) && Objects.equals(uri.getHost(), base.getHost())
                && uri.getPort() == base.getPort();
    }

    private static Optional<AuthChallenge> challengeOf(HttpResponse<?> response) {
        return response.headers().allValues("WWW-Authenticate").stream().map(AuthChallenge::parse)
                .flatMap(Optional::stream).filter(c -> c.isBearer() || c.isBasic()).findFirst();
    }

    static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // the connection is dropped
        }
    }
}
