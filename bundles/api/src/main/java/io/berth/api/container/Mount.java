package io.berth.api.container;

/**
 * A mount requested for a container.
 *
 * @param type     bind, volume or tmpfs
 * @param source   host path (bind), volume name (volume), unused for tmpfs
 * @param target   absolute path inside the container
 * @param readOnly mount read-only
 */
public record Mount(Type type, String source, String target, boolean readOnly) {

    /** Kinds of mount. */
    public enum Type { BIND, VOLUME, TMPFS }
}
