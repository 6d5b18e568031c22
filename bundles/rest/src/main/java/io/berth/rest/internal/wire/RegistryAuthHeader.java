package io.berth.rest.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.berth.api.image.RegistryAuth;

/**
 * Docker's credentials on the wire: the {@code X-Registry-Auth} header (base64url, padded or not, of a JSON
 * auth config) and the body of {@code POST /auth} (the JSON itself). The config has {@code username},
 * {@code password} or {@code auth} (base64 of {@code user:password}), {@code identitytoken},
 * {@code registrytoken} and {@code serveraddress}. The CLI sends {@code e30=} ({@code {}}) when not logged in.
 */
public final class RegistryAuthHeader {

    public static final String NAME = "X-Registry-Auth";

    private RegistryAuthHeader() {
    }

    /** Docker's auth config; unknown fields ({@code email}) are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthConfig(@JsonProperty("username") String username, @JsonProperty("password") String password,
            @JsonProperty("auth") String auth, @JsonProperty("identitytoken") String identityToken,
            @JsonProperty("registrytoken") String registryToken,
            @JsonProperty("serveraddress") String serverAddress) {

        /**
         * The credentials it holds: {@code auth} stands for user and password when no user name is given.
         *
         * @throws WireFormatException when {@code auth} is not base64
         */
        public RegistryAuth credentials() {
            String user = username;
            String pass = password;
            if ((user == null || user.isEmpty()) && auth != null && !auth.isEmpty()) {
                String pair = decodePair(auth);
                int colon = pair.indexOf(':');
                user = colon < 0 ? pair : pair.substring(0, colon);
                pass = colon < 0 ? "" : pair.substring(colon + 1);
            }
            return new RegistryAuth(user, pass, identityToken, registryToken, serverAddress);
        }
    }

    /**
     * The credentials of a header value; {@link RegistryAuth#NONE} when absent or empty.
     *
     * @throws WireFormatException when the value is not base64 of a JSON object
     */
    public static RegistryAuth decode(String header) {
        if (header == null || header.isBlank()) {
            return RegistryAuth.NONE;
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(header.strip().replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("invalid " + NAME + " header: not base64", e);
        }
        AuthConfig config = Json.read(json, AuthConfig.class);
        return config == null ? RegistryAuth.NONE : config.credentials();
    }

    private static String decodePair(String auth) {
        try {
            return new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("invalid credentials: the auth field is not base64", e);
        }
    }
}
