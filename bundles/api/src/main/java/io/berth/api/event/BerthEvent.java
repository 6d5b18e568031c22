package io.berth.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * One event.
 *
 * @param type       {@code container}, {@code image}, ...
 * @param action     Docker's action name: {@code create}, {@code start}, {@code die}, {@code kill},
 *                   {@code stop}, {@code pause}, {@code unpause}, {@code rename}, {@code restart},
 *                   {@code destroy}, {@code import}, {@code tag}, {@code untag}, {@code delete}, ...
 * @param actorId    the object's id
 * @param attributes details ({@code name}, {@code image}, {@code exitCode}, {@code signal}, labels, ...)
 * @param time       when it happened
 */
public record BerthEvent(String type, String action, String actorId, Map<String, String> attributes,
        Instant time) {

    public BerthEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
