package io.berth.images.internal.reference;

import java.util.regex.Pattern;

/**
 * The grammar of image references, as in Docker's {@code distribution/reference} package. The separator
 * {@code [-]+} accepts the same names as the documented {@code [-]*} without ambiguous backtracking.
 */
final class ReferenceGrammar {

    static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    static final String DOMAIN_NAME = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*";
    static final String IPV6_HOST = "\\[[a-fA-F0-9:]+\\]";
    static final String DOMAIN = "(?:" + DOMAIN_NAME + "|" + IPV6_HOST + ")(?::[0-9]+)?";
    static final String TAG = "[\\w][\\w.-]{0,127}";
    static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    /** A full reference: groups 1 domain, 2 path, 3 tag (optional), 4 digest (optional). */
    static final Pattern REFERENCE = Pattern.compile("(" + DOMAIN + ")/(" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT
            + ")*)(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");

    static final Pattern TAG_PATTERN = Pattern.compile(TAG);

    /** A bare 64-character hex string, which Docker refuses as a repository name. */
    static final Pattern HEX_64 = Pattern.compile("[a-f0-9]{64}");

    private ReferenceGrammar() {
    }
}
