package io.berth.rest.internal.router.container;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerStatus;
import io.berth.api.error.InvalidArgumentException;
import io.berth.rest.internal.http.Query;
import io.berth.rest.internal.wire.Filters;

/**
 * The query of {@code GET /containers/json}: {@code all}, {@code limit} (a positive limit implies {@code all},
 * as in dockerd), {@code size} and {@code filters} ({@code status}, {@code name}, {@code id}, {@code label},
 * {@code ancestor}, {@code exited}).
 */
record ContainerListQuery(ContainerFilter filter, int limit, boolean size, Set<Integer> exited) {

    static final Set<String> KEYS = Set.of("status", "name", "id", "label", "ancestor", "exited");

    static ContainerListQuery parse(Query q) {
        Filters f = Filters.parse(q.get("filters"), KEYS);
        int limit = q.integer("limit", -1);
        boolean all = q.bool("all", false) || limit > 0 || f.has("exited") || f.has("status");
        ContainerFilter filter = new ContainerFilter(all, statuses(f.get("status")), names(f.get("name")),
                f.get("id"), f.get("label"), f.get("ancestor"));
        return new ContainerListQuery(filter, limit, q.bool("size", false), exitCodes(f.get("exited")));
    }

    /** Applies what the engine's filter does not: exit codes and the limit. */
    List<ContainerInfo> apply(List<ContainerInfo> found) {
        List<ContainerInfo> out = found.stream().filter(c -> exited.isEmpty()
                || c.state().status() == ContainerStatus.EXITED && exited.contains(c.state().exitCode())).toList();
        return limit > 0 && out.size() > limit ? out.subList(0, limit) : out;
    }

    private static Set<ContainerStatus> statuses(Set<String> values) {
        Set<ContainerStatus> out = new HashSet<>();
        for (String v : values) {
            ContainerStatus match = null;
            for (ContainerStatus s : ContainerStatus.values()) {
                if (s.wireName().equals(v)) {
                    match = s;
                }
            }
            if (match == null) {
                throw new InvalidArgumentException("invalid filter 'status=" + v + "'");
            }
            out.add(match);
        }
        return out;
    }

    private static Set<String> names(Set<String> values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(v.startsWith("/") ? v.substring(1) : v));
        return out;
    }

    private static Set<Integer> exitCodes(Set<String> values) {
        Set<Integer> out = new HashSet<>();
        for (String v : values) {
            try {
                out.add(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("invalid filter 'exited=" + v + "'");
            }
        }
        return out;
    }
}
