package io.berth.api.container;

import java.util.List;

/**
 * Result of a create.
 *
 * @param id       the new container's id
 * @param name     its name (generated when none was given)
 * @param warnings things the user should know (unsupported but harmless options, ...)
 */
public record CreateResult(String id, String name, List<String> warnings) {

    public CreateResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
