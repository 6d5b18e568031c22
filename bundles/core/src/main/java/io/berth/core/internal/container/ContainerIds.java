package io.berth.core.internal.container;

import java.security.SecureRandom;
import java.util.HexFormat;

/** New container ids: 64 lower-case hex characters from {@link SecureRandom}. Thread-safe. */
final class ContainerIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ContainerIds() {
    }

    /** A fresh id whose 12-character short form is never all digits (Docker avoids those too). */
    static String generate() {
        byte[] bytes = new byte[32];
        while (true) {
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (!id.substring(0, 12).chars().allMatch(Character::isDigit)) {
                return id;
            }
        }
    }
}
