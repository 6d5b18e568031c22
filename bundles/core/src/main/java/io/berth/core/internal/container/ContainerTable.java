package io.berth.core.internal.container;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;

/**
 * The containers the engine knows, by id, with their names. Resolves a user's reference: exact id, exact
 * name (with or without {@code /}), then unique id prefix. Thread-safe.
 */
final class ContainerTable {

    private final Map<String, Container> byId = new ConcurrentHashMap<>();
    private final NameRegistry names = new NameRegistry();

    NameRegistry names() {
        return names;
    }

    /** Adds a container whose name is already reserved. */
    void add(Container container) {
        byId.put(container.id(), container);
    }

    /** Forgets a container and frees its name. */
    void remove(Container container) {
        byId.remove(container.id(), container);
        names.release(container.record().name(), container.id());
    }

    /** The container with exactly this id, or {@code null}. */
    Container byId(String id) {
        return byId.get(id);
    }

    Collection<Container> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The container a reference names.
     *
     * @throws NotFoundException        "No such container: ref"
     * @throws InvalidArgumentException when an id prefix matches several containers
     */
    Container resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new NotFoundException("No such container: " + (ref == null ? "" : ref));
        }
        Container exact = byId.get(ref);
        if (exact != null) {
            return exact;
        }
        String holder = names.idOf(ContainerNames.strip(ref));
        Container named = holder == null ? null : byId.get(holder);
        if (named != null) {
            return named;
        }
        return byPrefix(ref);
    }

    private Container byPrefix(String prefix) {
        List<Container> matches = byId.values().stream().filter(c -> c.id().startsWith(prefix)).toList();
        if (matches.size() > 1) {
            throw new InvalidArgumentException("multiple containers match prefix " + prefix);
        }
        if (matches.isEmpty()) {
            throw new NotFoundException("No such container: " + prefix);
        }
        return matches.get(0);
    }
}
