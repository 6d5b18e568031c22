package io.berth.api.runtime;

import java.util.regex.Pattern;

/** Constants for naming runtimes. Clients choose runtimes by name only, never by binary path. */
public final class RuntimeNames {

    /** Service property that carries a runtime's name. */
    public static final String PROPERTY = "berth.runtime.name";

    /** Valid runtime names: lower case, starting with a letter. */
    public static final Pattern VALID = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    private RuntimeNames() {
    }

    /** True if {@code name} is a valid runtime name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
