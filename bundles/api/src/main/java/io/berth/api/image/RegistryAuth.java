package io.berth.api.image;

/**
 * Credentials for one registry, as Docker clients send them ({@code X-Registry-Auth}) or keep them
 * ({@code config.json}). Every field may be empty; {@link #NONE} pulls anonymously.
 *
 * @param username      user name for basic authentication or a token service
 * @param password      password (or personal access token)
 * @param identityToken an OAuth refresh token, used instead of the password when present
 * @param registryToken a bearer token sent to the registry as it is, skipping the token service
 * @param serverAddress the registry these credentials are for (informational)
 */
public record RegistryAuth(String username, String password, String identityToken, String registryToken,
        String serverAddress) {

    /** No credentials. */
    public static final RegistryAuth NONE = new RegistryAuth(null, null, null, null, null);

    public RegistryAuth {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        identityToken = identityToken == null ? "" : identityToken;
        registryToken = registryToken == null ? "" : registryToken;
        serverAddress = serverAddress == null ? "" : serverAddress;
    }

    /** True when nothing is set: the store then looks for credentials of its own. */
    public boolean isEmpty() {
        return username.isEmpty() && password.isEmpty() && identityToken.isEmpty() && registryToken.isEmpty();
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "RegistryAuth[username=" + username + ", serverAddress=" + serverAddress + "]";
    }
}
