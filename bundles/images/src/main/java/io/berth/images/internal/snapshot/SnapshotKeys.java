package io.berth.images.internal.snapshot;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;

/**
 * Snapshot keys: validation, and one lock object per key so calls for one key are serialized while calls
 * for different keys run in parallel (a small object is kept per key ever used). Thread-safe.
 */
final class SnapshotKeys {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    /** The lock of a valid key. */
    Object lockFor(String key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    /**
     * Accepts letters, digits, {@code _ . -}, at most 128 characters, starting with a letter or digit, so a key
     * is always one plain directory name.
     *
     * @throws InvalidArgumentException otherwise
     */
    static void validate(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidArgumentException("invalid snapshot key \"" + key
                    + "\": use letters, digits, '_', '.' and '-' (at most 128), starting with a letter or digit");
        }
    }
}
