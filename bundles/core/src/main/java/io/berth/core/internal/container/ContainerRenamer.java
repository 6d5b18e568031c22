package io.berth.core.internal.container;

import java.util.Map;

import io.berth.api.error.InvalidArgumentException;
import io.berth.core.internal.store.ContainerRecord;

/** Renames containers; the new name is reserved before the old one is freed. Thread-safe. */
final class ContainerRenamer {

    private final EngineContext ctx;

    ContainerRenamer(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @throws InvalidArgumentException for an invalid name or the current name
     * @throws io.berth.api.error.ConflictException when another container has the name
     */
    void rename(Container container, String newName) {
        String name = ContainerNames.validate(newName);
        container.lock();
        try {
            ContainerRecord record = container.record();
            String oldName = record.name();
            if (oldName.equals(name)) {
                throw new InvalidArgumentException("Renaming a container with the same name as its current name");
            }
            NameRegistry names = ctx.table().names();
            names.reserve(name, record.id());
            try {
                ctx.commit(container, record.withName(name));
            } catch (RuntimeException e) {
                container.setRecord(record);
                names.release(name, record.id());
                throw e;
            }
            names.release(oldName, record.id());
            ctx.events().publish(container.record(), "rename", Map.of("oldName", "/" + oldName));
        } finally {
            container.unlock();
        }
    }
}
