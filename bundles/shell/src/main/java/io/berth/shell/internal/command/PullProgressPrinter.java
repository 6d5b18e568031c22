package io.berth.shell.internal.command;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

import io.berth.api.image.ProgressEvent;
import io.berth.api.image.ProgressListener;

/**
 * The console's pull display, one line per change as a log-friendly terminal shows it: {@code <layer>: <status>}
 * when a layer's status changes, and byte progress with a bar ({@code [=====>    ] 1.05MB/3.4MB}) at every tenth
 * of a layer's download or extraction. Not thread-safe: pull progress arrives serialized.
 */
final class PullProgressPrinter implements ProgressListener {

    private static final int BAR_WIDTH = 30;
    private static final int STEPS = 10;

    private final PrintStream out;
    private final Map<String, String> lastStatus = new HashMap<>();
    private final Map<String, Integer> lastStep = new HashMap<>();

    PullProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void progress(ProgressEvent event) {
        if (event.id().isEmpty()) {
            out.println(event.status());
            return;
        }
        String key = event.id() + " " + event.status();
        boolean changed = !event.status().equals(lastStatus.put(event.id(), event.status()));
        if (event.total() <= 0) {
            if (changed) {
                out.println(event.id() + ": " + event.status());
            }
            return;
        }
        int step = (int) Math.min(STEPS, event.current() * STEPS / event.total());
        Integer previous = lastStep.put(key, step);
        if (changed || previous == null || step > previous) {
            out.println(event.id() + ": " + event.status() + " " + bar(event.current(), event.total()) + " "
                    + HumanFormat.size(event.current()) + "/" + HumanFormat.size(event.total()));
        }
    }

    /** Docker's bar: {@code [=====>      ]}. */
    static String bar(long current, long total) {
        int filled = (int) Math.min(BAR_WIDTH, current * BAR_WIDTH / Math.max(1, total));
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return bar.append(']').toString();
    }
}
