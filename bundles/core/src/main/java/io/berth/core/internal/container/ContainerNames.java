package io.berth.core.internal.container;

import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;

/** Docker's container name rule. Stateless. */
final class ContainerNames {

    static final String ALLOWED = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern VALID = Pattern.compile(ALLOWED + "+");

    private ContainerNames() {
    }

    /**
     * The name without its leading {@code /}.
     *
     * @throws InvalidArgumentException "Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
     */
    static String validate(String name) {
        String bare = name != null && name.startsWith("/") ? name.substring(1) : name;
        if (bare == null || !VALID.matcher(bare).matches()) {
            throw new InvalidArgumentException(
                    "Invalid container name (" + name + "), only " + ALLOWED + " are allowed");
        }
        return bare;
    }

    /** The name without a leading {@code /}. */
    static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
