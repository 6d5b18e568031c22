package io.berth.images.internal.registry;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.UnauthorizedException;
import io.berth.api.image.RegistryAuth;

/**
 * Checks credentials with a registry as {@code docker login} does: an anonymous {@code GET /v2/} tells how the
 * registry wants to be authorized, then {@code GET /v2/} is asked again with a token from its token service
 * (no scope) or with basic authentication, and must answer 200. Stateless.
 */
final class RegistryLogin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io",
            RegistryHosts.DOCKER_HUB_HOST);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]+)?|\\[[0-9A-Fa-f:.]+\\](:[0-9]+)?");

    private RegistryLogin() {
    }

    /**
     * @throws UnauthorizedException     when the registry refuses the credentials (or wants some and got none)
     * @throws InvalidArgumentException  for a server address that names no registry
     */
    static void check(HttpClient http, RegistryHosts hosts, RegistryAuth auth) {
        RegistrySession.Ping ping = RegistrySession.ping(http, hosts, host(auth.serverAddress()));
        URI v2 = ping.base().resolve("/v2/");
        if (ping.status() != 401) {
            if (ping.status() != 200) {
                throw RegistryErrors.refused("Get", v2, RegistryErrors.failure(ping.status(),
                        InputStream.nullInputStream()));
            }
            return;
        }
        AuthChallenge challenge = ping.challenge().orElseThrow(() -> new BerthException("Get \"" + v2
                + "\": the registry asks for an authentication scheme Berth does not support"));
        if (auth.isEmpty()) {
            throw new UnauthorizedException("Get \"" + v2 + "\": no credentials to log in with");
        }
        String authorization;
        if (!auth.registryToken().isEmpty()) {
            authorization = "Bearer " + auth.registryToken();
        } else if (challenge.isBearer()) {
            authorization = "Bearer " + TokenService.fetch(http, challenge, "", auth);
        } else {
            authorization = TokenService.basic(auth);
        }
        HttpResponse<InputStream> answer = RegistrySession.exchange(http, HttpRequest.newBuilder(v2).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build());
        if (answer.statusCode() != 200) {
            throw RegistryErrors.refused("Get", v2, RegistryErrors.failure(answer.statusCode(), answer.body()));
        }
        RegistrySession.close(answer);
    }

    /** The {@code host[:port]} of a server address as clients send it: a host, a URL, or empty for Docker Hub. */
    static String host(String serverAddress) {
        String address = serverAddress.strip().replaceFirst("(?i)^https?://", "");
        int slash = address.indexOf('/');
        String host = (slash < 0 ? address : address.substring(0, slash)).toLowerCase(Locale.ROOT);
        if (serverAddress.isBlank() || DOCKER_HUB.contains(host)) {
            return RegistryHosts.DOCKER_HUB_HOST;
        }
        if (!HOST.matcher(host).matches()) {
            throw new InvalidArgumentException("invalid registry address \"" + serverAddress + "\"");
        }
        return host;
    }
}
