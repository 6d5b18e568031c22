package io.berth.itests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the benchmarks time kinds of runs side by side: {@link #WARMUP} untimed rounds of every kind, then
 * {@link #RUNS} timed runs of each kind in {@value #BLOCKS} alternating blocks (kind after kind), each block after
 * one untimed run. Blocks rather than run-by-run alternation: what a run leaves to be done after it (the kernel
 * freeing its cgroups, the engine deleting a removed container's files beside) falls on a run of its own kind,
 * and a drift of the machine's load touches all kinds alike. With the statistics the benchmarks report.
 */
final class BlockTimer {

    static final int WARMUP = Integer.getInteger("berth.bench.warmup", 50);
    static final int RUNS = Integer.getInteger("berth.bench.runs", 100);
    static final int BLOCKS = 5;

    /** One run of a kind. */
    interface Run {
        void once() throws Exception;
    }

    private BlockTimer() {
    }

    /** The milliseconds of each kind's timed runs, in the order of {@code kinds}. */
    static List<List<Double>> time(List<Run> kinds) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            for (Run kind : kinds) {
                kind.once();
            }
        }
        List<List<Double>> millis = new ArrayList<>();
        kinds.forEach(kind -> millis.add(new ArrayList<>()));
        for (int block = 0; block < BLOCKS; block++) {
            for (int k = 0; k < kinds.size(); k++) {
                kinds.get(k).once();
                for (int i = 0; i < RUNS / BLOCKS; i++) {
                    long start = System.nanoTime();
                    kinds.get(k).once();
                    millis.get(k).add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        return millis;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    /** Nearest rank. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
