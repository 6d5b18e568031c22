package io.berth.core.internal.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.core.internal.timing.Phases;

/**
 * Collects the engine's phases ({@link Phases}) per run: {@link #phase} sums each phase's time and counts its
 * occurrences within the current run, {@link #endRun()} files the run. Thread-safe (exits are handled on
 * the monitor's thread).
 */
final class PhaseRecorder implements Phases.Listener {

    /** One phase within one run: how often it happened and its total time. */
    record Sample(int count, double millis) {
    }

    private final Map<String, Sample> current = new LinkedHashMap<>();
    private final List<Map<String, Sample>> runs = new ArrayList<>();

    @Override
    public synchronized void phase(String containerId, String phase, long nanos) {
        current.merge(phase, new Sample(1, nanos / 1e6),
                (a, b) -> new Sample(a.count() + b.count(), a.millis() + b.millis()));
    }

    /** Records a phase measured by the caller (an API call). */
    synchronized void add(String phase, long nanos) {
        phase(null, phase, nanos);
    }

    synchronized void endRun() {
        runs.add(new LinkedHashMap<>(current));
        current.clear();
    }

    synchronized void clear() {
        runs.clear();
        current.clear();
    }

    /** Every phase seen, in first-seen order. */
    synchronized List<String> phases() {
        List<String> names = new ArrayList<>();
        runs.forEach(run -> run.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add));
        return names;
    }

    /** The phase's total time per run (0 where it did not happen). */
    synchronized List<Double> millis(String phase) {
        return runs.stream().map(run -> run.getOrDefault(phase, new Sample(0, 0)).millis()).toList();
    }

    /** The phase's occurrences per run. */
    synchronized List<Double> counts(String phase) {
        return runs.stream().map(run -> (double) run.getOrDefault(phase, new Sample(0, 0)).count()).toList();
    }
}
