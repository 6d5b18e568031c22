package io.berth.runtime.mock.internal;

import java.time.Instant;

/** Where a {@link SimulatedProcess} stands after it has run as far as it can. */
sealed interface Outcome {

    /** The program ended with {@code code}. */
    record Exited(int code) implements Outcome {
    }

    /** The program sleeps until {@code deadline}; advance it again then. */
    record SleepingUntil(Instant deadline) implements Outcome {
    }

    /** The program waits for something without a deadline: input, or a sleep that never ends. */
    record Waiting() implements Outcome {
    }
}
