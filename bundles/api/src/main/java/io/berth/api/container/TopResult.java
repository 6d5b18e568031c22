package io.berth.api.container;

import java.util.List;

/**
 * The processes of a container, as {@code docker top} shows them: column titles and one row per process.
 *
 * @param titles    column titles ({@code UID}, {@code PID}, {@code PPID}, {@code C}, {@code STIME}, {@code TTY},
 *                  {@code TIME}, {@code CMD})
 * @param processes one list of column values per process
 */
public record TopResult(List<String> titles, List<List<String>> processes) {

    public TopResult {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
