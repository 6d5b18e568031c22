package io.berth.shell.internal.command;

/**
 * Image references in Docker's familiar form: {@code docker.io/library/busybox:latest} is shown as
 * {@code busybox} / {@code latest}, {@code docker.io/user/app} as {@code user/app}, other registries are kept.
 * Stateless.
 */
public final class ImageNames {

    /** Shown for a missing repository, tag or digest. */
    public static final String NONE = "<none>";

    private static final String DOCKER_HUB = "docker.io/";
    private static final String OFFICIAL = DOCKER_HUB + "library/";
    private static final String SHA256 = "sha256:";

    private ImageNames() {
    }

    /**
     * A reference split into its familiar parts.
     *
     * @param repository familiar repository name
     * @param tag        tag, or {@link #NONE}
     * @param digest     digest ({@code sha256:...}), or {@link #NONE}
     */
    public record Familiar(String repository, String tag, String digest) {

        /** {@code repository:tag}, or {@code repository@digest} for a digest reference. */
        @Override
        public String toString() {
            if (!NONE.equals(tag)) {
                return repository + ":" + tag;
            }
            return NONE.equals(digest) ? repository : repository + "@" + digest;
        }
    }

    /** Splits a normalized reference ({@code docker.io/library/busybox:latest}, {@code repo@sha256:...}). */
    public static Familiar familiar(String reference) {
        String name = reference;
        String digest = NONE;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        String tag = NONE;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        return new Familiar(familiarRepository(name), tag, digest);
    }

    /** {@code repository:tag} (or {@code repository@digest}) in familiar form. */
    public static String familiarString(String reference) {
        return familiar(reference).toString();
    }

    private static String familiarRepository(String name) {
        if (name.startsWith(OFFICIAL) && name.indexOf('/', OFFICIAL.length()) < 0) {
            return name.substring(OFFICIAL.length());
        }
        return name.startsWith(DOCKER_HUB) ? name.substring(DOCKER_HUB.length()) : name;
    }

    /** The first 12 hex digits of an image id, without {@code sha256:}. */
    public static String shortId(String imageId) {
        String hex = imageId.startsWith(SHA256) ? imageId.substring(SHA256.length()) : imageId;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
