package io.berth.images.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.berth.api.error.BerthException;
import io.berth.api.image.RegistryAuth;
import io.berth.images.internal.config.Json;

/**
 * Gets a bearer token from the realm of a {@code Bearer} challenge, as Docker does: {@code GET realm?service=&scope=}
 * with basic credentials when there are any, or the OAuth refresh-token {@code POST} when an identity token is
 * given. Stateless.
 */
final class TokenService {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_RESPONSE = 1 << 20;
    private static final String CLIENT_ID = "berth";

    private TokenService() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("token") String token, @JsonProperty("access_token") String accessToken) {

        String value() {
            return token != null && !token.isEmpty() ? token : accessToken;
        }
    }

    /** A token for {@code scope} ({@code repository:library/busybox:pull}; empty for none, as a login asks). */
    static String fetch(HttpClient http, AuthChallenge challenge, String scope, RegistryAuth auth) {
        URI realm = realm(challenge);
        Map<String, String> params = new LinkedHashMap<>();
        if (!challenge.param("service").isEmpty()) {
            params.put("service", challenge.param("service"));
        }
        if (!scope.isEmpty()) {
            params.put("scope", scope);
        }
        HttpRequest request = auth.identityToken().isEmpty() ? get(realm, params, auth) : refresh(realm, params, auth);
        String method = request.method();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw RegistryErrors.network(method, request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("interrupted while getting a registry token", e);
        }
        if (response.statusCode() != 200) {
            throw RegistryErrors.refused(method, request.uri(),
                    RegistryErrors.failure(response.statusCode(), response.body()));
        }
        return parse(response, method, request.uri());
    }

    private static HttpRequest get(URI realm, Map<String, String> params, RegistryAuth auth) {
        if (!auth.username().isEmpty()) {
            params.put("account", auth.username());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(realm + (realm.getRawQuery() == null ? "?"
                : "&") + form(params))).timeout(TIMEOUT).GET();
        if (!auth.username().isEmpty()) {
            builder.header("Authorization", basic(auth));
        }
        return builder.build();
    }

    private static HttpRequest refresh(URI realm, Map<String, String> params, RegistryAuth auth) {
        params.put("grant_type", "refresh_token");
        params.put("client_id", CLIENT_ID);
        params.put("refresh_token", auth.identityToken());
        return HttpRequest.newBuilder(realm).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build();
    }

    static String basic(RegistryAuth auth) {
        String pair = auth.username() + ":" + auth.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static URI realm(AuthChallenge challenge) {
        String realm = challenge.param("realm");
        URI uri;
        try {
            uri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new BerthException("the registry's token realm \"" + realm + "\" is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new BerthException("the registry's token realm \"" + realm + "\" is not an http(s) URL");
        }
        return uri;
    }

    private static String parse(HttpResponse<InputStream> response, String method, URI uri) {
        try (InputStream in = response.body()) {
            TokenResponse token = Json.read(in.readNBytes(MAX_RESPONSE), TokenResponse.class);
            if (token == null || token.value() == null || token.value().isEmpty()) {
                throw new BerthException(method + " \"" + uri + "\": the token service answered without a token");
            }
            return token.value();
        } catch (IOException e) {
            throw new BerthException(method + " \"" + uri + "\": cannot read the token: " + e.getMessage(), e);
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
