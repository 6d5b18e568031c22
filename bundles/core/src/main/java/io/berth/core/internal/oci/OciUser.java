package io.berth.core.internal.oci;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The numeric user a container process runs as, from Docker's {@code user[:group]}.
 *
 * @param uid user id
 * @param gid group id
 */
public record OciUser(long uid, long gid) {

    private static final Logger LOG = LoggerFactory.getLogger(OciUser.class);

    /**
     * Parses {@code uid[:gid]}. Only numbers are understood; a name becomes 0 (root) with a logged warning,
     * because names need the image's {@code /etc/passwd}, which is not looked up yet.
     */
    public static OciUser parse(String user) {
        if (user == null || user.isEmpty()) {
            return new OciUser(0, 0);
        }
        int colon = user.indexOf(':');
        String userPart = colon < 0 ? user : user.substring(0, colon);
        String groupPart = colon < 0 ? "" : user.substring(colon + 1);
        return new OciUser(numeric(userPart, user), groupPart.isEmpty() ? 0 : numeric(groupPart, user));
    }

    private static long numeric(String part, String whole) {
        try {
            long id = Long.parseLong(part);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // a name: handled below
        }
        LOG.warn("User '{}' is not numeric; user and group names are not resolved yet, running as 0", whole);
        return 0;
    }
}
