package io.berth.runtime.oci.internal;

import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;

/**
 * Guards the ids passed to the runtime CLI: an id is an argument and a directory name under the state root,
 * so it must not look like an option or a path.
 */
final class ContainerIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}");

    private ContainerIds() {
    }

    static String check(String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new InvalidArgumentException("invalid container id: " + id);
        }
        return id;
    }
}
