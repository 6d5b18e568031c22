package io.berth.shell.internal.command;

import java.util.Arrays;
import java.util.List;

/** Reads a printed ShellTable back into cells, whichever separator (unicode, ASCII, tab) Karaf chose. */
final class Tables {

    private Tables() {
    }

    /** Every line that is not an underline, split into trimmed cells; the header is the first row. */
    static List<List<String>> rows(String printed) {
        return printed.lines()
                .filter(line -> !line.matches("[-+─┼ ]+"))
                .map(line -> Arrays.stream(line.split(" [|│] |\t", -1)).map(String::trim).toList())
                .toList();
    }
}
