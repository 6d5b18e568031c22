package io.berth.shell.internal.command;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns {@code berth:ps --filter key=value} options into a {@link ContainerFilter}. Stateless. */
final class PsFilters {

    private PsFilters() {
    }

    /**
     * Parses the filters. Values of one key are alternatives, different keys must all match.
     *
     * @param filters {@code status=}, {@code name=}, {@code id=}, {@code label=} or {@code ancestor=} options
     * @param all     whether {@code -a} was given
     * @throws IllegalArgumentException with Docker's wording for an unknown key, a missing {@code =} or an
     *                                  unknown status
     */
    static ContainerFilter parse(List<String> filters, boolean all) {
        Set<ContainerStatus> statuses = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        Set<String> ancestors = new HashSet<>();
        for (String filter : filters == null ? List.<String>of() : filters) {
            KeyValue kv = KeyValue.parse(filter);
            if (kv.value() == null) {
                throw new IllegalArgumentException("bad format of filter (expected name=value)");
            }
            switch (kv.key()) {
                case "status" -> statuses.add(status(kv.value()));
                case "name" -> names.add(kv.value());
                case "id" -> ids.add(kv.value());
                case "label" -> labels.add(kv.value());
                case "ancestor" -> ancestors.add(kv.value());
                default -> throw new IllegalArgumentException("invalid filter '" + kv.key() + "'");
            }
        }
        return new ContainerFilter(all, statuses, names, ids, labels, ancestors);
    }

    private static ContainerStatus status(String value) {
        for (ContainerStatus status : ContainerStatus.values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unrecognised filter value for status: " + value);
    }
}
