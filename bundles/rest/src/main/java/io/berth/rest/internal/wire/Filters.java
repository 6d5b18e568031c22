package io.berth.rest.internal.wire;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.error.InvalidArgumentException;

/**
 * The {@code filters} query parameter: JSON in either of the two forms dockerd accepts,
 * {@code {"status":{"exited":true}}} (the CLI) or {@code {"status":["exited"]}} (docker-java, old CLIs).
 * Keys not in the allowed set and malformed JSON are {@code InvalidArgumentException}s (400), as in dockerd.
 */
public final class Filters {

    private final Map<String, Set<String>> values;

    private Filters(Map<String, Set<String>> values) {
        this.values = values;
    }

    /** No filter. */
    public static final Filters NONE = new Filters(Map.of());

    /** Parses the parameter; {@code null} or empty means no filter. */
    public static Filters parse(String json, Set<String> allowedKeys) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException("invalid filter: " + json);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidArgumentException("invalid filter: " + json);
        }
        Map<String, Set<String>> values = new LinkedHashMap<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!allowedKeys.contains(f.getKey())) {
                throw new InvalidArgumentException("invalid filter '" + f.getKey() + "'");
            }
            values.put(f.getKey(), valuesOf(f.getKey(), f.getValue()));
        }
        return new Filters(values);
    }

    private static Set<String> valuesOf(String key, JsonNode node) {
        Set<String> out = new HashSet<>();
        if (node.isArray()) {
            node.forEach(v -> out.add(v.asText()));
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        } else {
            throw new InvalidArgumentException("invalid filter '" + key + "': expected a list or a map");
        }
        return out;
    }

    /** The values of a key; empty when absent. */
    public Set<String> get(String key) {
        return values.getOrDefault(key, Set.of());
    }

    /** True when the key is present. */
    public boolean has(String key) {
        return values.containsKey(key);
    }
}
