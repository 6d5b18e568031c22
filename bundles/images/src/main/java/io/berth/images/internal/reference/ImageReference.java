package io.berth.images.internal.reference;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;

import io.berth.api.error.InvalidArgumentException;

/**
 * A normalized image reference, parsed as Docker parses it: {@code busybox} is
 * {@code docker.io/library/busybox:latest}, {@code user/app} is {@code docker.io/user/app:latest}, and a first
 * component containing {@code .} or {@code :}, or equal to {@code localhost}, names a registry host.
 * Immutable and thread-safe.
 */
public final class ImageReference {

    public static final String DEFAULT_DOMAIN = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final int NAME_MAX_LENGTH = 255;
    private static final String INVALID_FORMAT = "invalid reference format";

    private final String domain;
    private final String path;
    private final String tag;
    private final String digest;

    private ImageReference(String domain, String path, String tag, String digest) {
        this.domain = domain;
        this.path = path;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses and normalizes a reference; a reference with neither tag nor digest gets the tag {@code latest}.
     *
     * @throws InvalidArgumentException with Docker's message when the reference is malformed
     */
    public static ImageReference parse(String text) {
        ImageReference named = parseNamed(text);
        return named.tag == null && named.digest == null ? named.withTag(DEFAULT_TAG) : named;
    }

    /** Parses and normalizes a reference without adding a default tag. */
    public static ImageReference parseNamed(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidArgumentException(INVALID_FORMAT);
        }
        if (ReferenceGrammar.HEX_64.matcher(text).matches()) {
            throw new InvalidArgumentException("invalid repository name (" + text
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDomain(text);
        requireLowercaseRepository(split[1]);
        return fromMatch(split[0] + "/" + split[1]);
    }

    /** True when the text parses as a reference. */
    public static boolean isValid(String text) {
        try {
            parseNamed(text);
            return true;
        } catch (InvalidArgumentException e) {
            return false;
        }
    }

    private static String[] splitDomain(String name) {
        int slash = name.indexOf('/');
        String domain;
        String remainder;
        if (slash < 0 || !looksLikeDomain(name.substring(0, slash))) {
            domain = DEFAULT_DOMAIN;
            remainder = name;
        } else {
            domain = name.substring(0, slash);
            remainder = name.substring(slash + 1);
        }
        if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
            domain = DEFAULT_DOMAIN;
        }
        if (domain.equals(DEFAULT_DOMAIN) && remainder.indexOf('/') < 0) {
            remainder = OFFICIAL_PREFIX + remainder;
        }
        return new String[] {domain, remainder};
    }

    private static boolean looksLikeDomain(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost")
                || !first.toLowerCase(Locale.ROOT).equals(first);
    }

    private static void requireLowercaseRepository(String remainder) {
        int colon = remainder.indexOf(':');
        String repository = colon < 0 ? remainder : remainder.substring(0, colon);
        if (!repository.toLowerCase(Locale.ROOT).equals(repository)) {
            throw new InvalidArgumentException("invalid reference format: repository name (" + repository
                    + ") must be lowercase");
        }
    }

    private static ImageReference fromMatch(String full) {
        Matcher m = ReferenceGrammar.REFERENCE.matcher(full);
        if (!m.matches()) {
            throw new InvalidArgumentException(INVALID_FORMAT);
        }
        if (m.group(1).length() + 1 + m.group(2).length() > NAME_MAX_LENGTH) {
            throw new InvalidArgumentException("repository name must not be more than " + NAME_MAX_LENGTH
                    + " characters");
        }
        if (m.group(4) != null) {
            Digests.validate(m.group(4));
        }
        return new ImageReference(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    /** The same repository with the given tag (and no digest). */
    public ImageReference withTag(String newTag) {
        if (!ReferenceGrammar.TAG_PATTERN.matcher(newTag).matches()) {
            throw new InvalidArgumentException(INVALID_FORMAT);
        }
        return new ImageReference(domain, path, newTag, null);
    }

    /** The same repository by the given digest (and no tag): {@code docker.io/library/busybox@sha256:...}. */
    public ImageReference withDigest(String newDigest) {
        Digests.validate(newDigest);
        return new ImageReference(domain, path, null, newDigest);
    }

    /** Registry host, with port if any: {@code docker.io}, {@code localhost:5000}. */
    public String domain() {
        return domain;
    }

    /** Repository path within the registry: {@code library/busybox}. */
    public String path() {
        return path;
    }

    /** The tag, or {@code null}. */
    public String tag() {
        return tag;
    }

    /** The digest ({@code sha256:...}), or {@code null}. */
    public String digest() {
        return digest;
    }

    /** The full repository name: {@code docker.io/library/busybox}. */
    public String name() {
        return domain + "/" + path;
    }

    /** The repository name as Docker shows it: {@code busybox}, {@code user/app}, {@code localhost:5000/app}. */
    public String familiarName() {
        if (!domain.equals(DEFAULT_DOMAIN)) {
            return name();
        }
        if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
            return path.substring(OFFICIAL_PREFIX.length());
        }
        return path;
    }

    /** The reference as Docker shows it: {@code busybox:latest}, {@code localhost:5000/app:1}. */
    public String familiar() {
        return familiarName() + suffix();
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /** The full normalized form: {@code docker.io/library/busybox:latest}. */
    @Override
    public String toString() {
        return name() + suffix();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference r && r.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, path, tag, digest);
    }
}
