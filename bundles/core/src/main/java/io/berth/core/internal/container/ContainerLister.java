package io.berth.core.internal.container;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.error.BerthException;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Answers list and inspect. Filters follow {@link ContainerFilter}: alternatives within a key, all keys
 * must match; names match as substrings, ids as prefixes, ancestors by the reference as given or by the
 * image id the reference resolves to. Thread-safe; reads records without locks.
 */
final class ContainerLister {

    private static final Comparator<ContainerRecord> NEWEST_FIRST =
            Comparator.comparing(ContainerRecord::created).reversed().thenComparing(ContainerRecord::id);

    private final EngineContext ctx;

    ContainerLister(EngineContext ctx) {
        this.ctx = ctx;
    }

    List<ContainerInfo> list(ContainerFilter filter) {
        ContainerFilter effective = filter == null ? ContainerFilter.RUNNING : filter;
        Set<String> ancestorIds = ancestorIds(effective.ancestors());
        return ctx.table().all().stream()
                .map(Container::record)
                .filter(record -> matches(record, effective, ancestorIds))
                .sorted(NEWEST_FIRST)
                .map(this::info)
                .toList();
    }

    ContainerInfo info(ContainerRecord record) {
        List<String> argv = record.command();
        String path = argv.isEmpty() ? "" : argv.get(0);
        List<String> args = argv.size() > 1 ? argv.subList(1, argv.size()) : List.of();
        Path logPath = ctx.store().logPath(record.id());
        return new ContainerInfo(record.id(), record.name(), record.created(), record.image(), record.imageId(),
                path, args, record.spec(), record.state(), record.runtime(), record.restartCount(), logPath);
    }

    private static boolean matches(ContainerRecord record, ContainerFilter filter, Set<String> ancestorIds) {
        boolean status = filter.statuses().isEmpty()
                ? filter.all() || record.state().running()
                : filter.statuses().contains(record.state().status());
        return status
                && anyOrEmpty(filter.names(), name -> record.name().contains(ContainerNames.strip(name)))
                && anyOrEmpty(filter.ids(), prefix -> record.id().startsWith(prefix))
                && anyOrEmpty(filter.labels(), label -> hasLabel(record, label))
                && (filter.ancestors().isEmpty() || filter.ancestors().contains(record.image())
                        || ancestorIds.contains(record.imageId()));
    }

    private static boolean hasLabel(ContainerRecord record, String label) {
        int eq = label.indexOf('=');
        if (eq < 0) {
            return record.spec().labels().containsKey(label);
        }
        return label.substring(eq + 1).equals(record.spec().labels().get(label.substring(0, eq)));
    }

    private static boolean anyOrEmpty(Set<String> values, Predicate<String> test) {
        return values.isEmpty() || values.stream().anyMatch(test);
    }

    private Set<String> ancestorIds(Set<String> ancestors) {
        Set<String> ids = new HashSet<>();
        for (String ancestor : ancestors) {
            try {
                ids.add(ctx.images().inspect(ancestor).id());
            } catch (BerthException unknownImage) {
                // matched by the reference as given only
            }
        }
        return ids;
    }
}
