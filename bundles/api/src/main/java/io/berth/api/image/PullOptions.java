package io.berth.api.image;

/**
 * Options of a pull.
 *
 * @param platform {@code os/architecture[/variant]} to pick from a multi-platform image, or {@code null} for the
 *                 engine's own platform
 * @param auth     credentials for the registry; {@code null} or empty to use the engine's configured ones (or none)
 */
public record PullOptions(String platform, RegistryAuth auth) {

    public PullOptions {
        platform = platform == null ? "" : platform;
        auth = auth == null ? RegistryAuth.NONE : auth;
    }

    /** The engine's platform and its configured credentials. */
    public static PullOptions defaults() {
        return new PullOptions(null, null);
    }
}
