package io.berth.core.internal.container;

import java.util.Map;

import io.berth.api.error.InvalidArgumentException;

/**
 * Terminal sizes as the API takes them: rows and columns of a {@code struct winsize}, unsigned shorts. Docker
 * parses them as unsigned 32-bit numbers; larger ones could never reach a terminal, so they are refused here.
 */
final class TerminalSizes {

    static final int MAX = 65535;

    private TerminalSizes() {
    }

    /** @throws InvalidArgumentException for a height or width outside 0..{@value #MAX} */
    static void check(int height, int width) {
        if (height < 0 || width < 0 || height > MAX || width > MAX) {
            throw new InvalidArgumentException("invalid terminal size " + height + "x" + width
                    + ": height and width must be between 0 and " + MAX);
        }
    }

    /** The attributes of Docker's {@code resize} event. */
    static Map<String, String> attributes(int height, int width) {
        return Map.of("height", Integer.toString(height), "width", Integer.toString(width));
    }
}
