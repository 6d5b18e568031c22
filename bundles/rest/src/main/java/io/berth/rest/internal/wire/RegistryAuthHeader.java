package io.berth.rest.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.berth.api.image.RegistryAuth;

/**
 * Docker's {@code X-Registry-Auth} header: base64url (padded or not) of a JSON auth config
 * ({@code username}, {@code password} or {@code auth} = base64 of {@code user:password}, {@code identitytoken},
 * {@code registrytoken}, {@code serveraddress}). The CLI sends {@code e30=} ({@code {}}) when not logged in.
 */
public final class RegistryAuthHeader {

    public static final String NAME = "X-Registry-Auth";

    private RegistryAuthHeader() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuthConfig(@JsonProperty("username") String username, @JsonProperty("password") String password,
            @JsonProperty("auth") String auth, @JsonProperty("identitytoken") String identityToken,
            @JsonProperty("registrytoken") String registryToken,
            @JsonProperty("serveraddress") String serverAddress) {
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
        if (config == null) {
            return RegistryAuth.NONE;
        }
        String user = config.username();
        String password = config.password();
        if ((user == null || user.isEmpty()) && config.auth() != null && !config.auth().isEmpty()) {
            String pair = decodePair(config.auth());
            int colon = pair.indexOf(':');
            user = colon < 0 ? pair : pair.substring(0, colon);
            password = colon < 0 ? "" : pair.substring(colon + 1);
        }
        return new RegistryAuth(user, password, config.identityToken(), config.registryToken(),
                config.serverAddress());
    }

    private static String decodePair(String auth) {
        try {
            return new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("invalid " + NAME + " header: its auth field is not base64", e);
        }
    }
}
