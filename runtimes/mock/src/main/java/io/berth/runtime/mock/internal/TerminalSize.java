package io.berth.runtime.mock.internal;

import io.berth.api.error.InvalidArgumentException;

/**
 * The size of a simulated terminal, as the last resize set it; what {@code stty size} would print.
 *
 * @param height rows
 * @param width  columns
 */
record TerminalSize(int height, int width) {

    /** The largest size a terminal takes ({@code struct winsize} holds unsigned shorts). */
    static final int MAX = 65535;

    /** @throws InvalidArgumentException for a size outside 0..{@value #MAX} */
    static TerminalSize of(int height, int width) {
        if (height < 0 || width < 0 || height > MAX || width > MAX) {
            throw new InvalidArgumentException("invalid terminal size " + height + "x" + width
                    + ": height and width must be between 0 and " + MAX);
        }
        return new TerminalSize(height, width);
    }

    @Override
    public String toString() {
        return height + " " + width;
    }
}
