package io.berth.rest.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker API version of a request, taken from the {@code /v1.NN} path prefix; unversioned paths are served
 * as {@link #MAX}. Versions outside {@link #MIN}..{@link #MAX} are refused the way dockerd refuses them.
 *
 * @param major major version (1)
 * @param minor minor version
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The highest version served, advertised in {@code Api-Version}. */
    public static final ApiVersion MAX = new ApiVersion(1, 44);

    /** The lowest version served. */
    public static final ApiVersion MIN = new ApiVersion(1, 24);

    private static final Pattern PREFIX = Pattern.compile("^/v(\\d+)\\.(\\d+)(/.*)?$");

    /** A request path split into its version and the path below the prefix. */
    public record Versioned(ApiVersion version, String path) {
    }

    /**
     * Splits a path; throws a 400 {@link HttpError} for a version Berth does not serve.
     */
    public static Versioned split(String path) {
        Matcher m = PREFIX.matcher(path);
        if (!m.matches()) {
            return new Versioned(MAX, path);
        }
        ApiVersion v;
        try {
            v = new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("invalid API version in path: " + path);
        }
        if (v.compareTo(MAX) > 0) {
            throw HttpError.badRequest("client version " + v + " is too new. Maximum supported API version is "
                    + MAX);
        }
        if (v.compareTo(MIN) < 0) {
            throw HttpError.badRequest("client version " + v + " is too old. Minimum supported API version is "
                    + MIN + ", please upgrade your client to a newer version");
        }
        return new Versioned(v, m.group(3) == null ? "/" : m.group(3));
    }

    /** True when this version is at least {@code 1.minor}. */
    public boolean atLeast(int minorVersion) {
        return major > 1 || minor >= minorVersion;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
