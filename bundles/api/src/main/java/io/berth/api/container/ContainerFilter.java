package io.berth.api.container;

import java.util.Set;

/**
 * Which containers {@link ContainerService#list} returns. Within one key, values are alternatives (OR); across
 * keys, all must match (AND) — Docker's semantics. Empty sets match everything.
 *
 * @param all      include containers that are not running
 * @param statuses only these statuses (implies {@code all} for the listed ones)
 * @param names    name substrings (Docker matches names as regular expressions; Berth as substrings)
 * @param ids      id prefixes
 * @param labels   {@code key} (label present) or {@code key=value} (label has that value)
 * @param ancestors image references or ids the container must have been created from
 */
public record ContainerFilter(boolean all, Set<ContainerStatus> statuses, Set<String> names, Set<String> ids,
        Set<String> labels, Set<String> ancestors) {

    public ContainerFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        names = names == null ? Set.of() : Set.copyOf(names);
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        ancestors = ancestors == null ? Set.of() : Set.copyOf(ancestors);
    }

    /** Running containers only, like {@code docker ps}. */
    public static final ContainerFilter RUNNING = new ContainerFilter(false, null, null, null, null, null);

    /** Every container, like {@code docker ps -a}. */
    public static final ContainerFilter ALL = new ContainerFilter(true, null, null, null, null, null);
}
