package io.berth.core.internal.container;

import java.util.HashMap;
import java.util.Map;

import io.berth.api.error.ConflictException;

/**
 * Which container holds which name. Every method is atomic (one short lock around a map), so of two
 * concurrent reservations of one name exactly one wins.
 */
final class NameRegistry {

    private final Map<String, String> idsByName = new HashMap<>();

    /** Gives {@code name} to {@code id}. @throws ConflictException when another container has it */
    synchronized void reserve(String name, String id) {
        String holder = idsByName.putIfAbsent(name, id);
        if (holder != null && !holder.equals(id)) {
            throw new ConflictException("Conflict. The container name \"/" + name
                    + "\" is already in use by container \"" + holder
                    + "\". You have to remove (or rename) that container to be able to reuse that name.");
        }
    }

    /** Reserves and returns a generated name that is free. */
    synchronized String reserveGenerated(String id) {
        for (int retry = 0; ; retry++) {
            String name = NameGenerator.generate(retry);
            if (idsByName.putIfAbsent(name, id) == null) {
                return name;
            }
        }
    }

    /** Frees {@code name} if {@code id} holds it. */
    synchronized void release(String name, String id) {
        idsByName.remove(name, id);
    }

    /** The id holding {@code name}, or {@code null}. */
    synchronized String idOf(String name) {
        return idsByName.get(name);
    }
}
