package io.berth.core.internal.container;

import java.util.Locale;
import java.util.Map;

import io.berth.api.error.InvalidArgumentException;

/**
 * Linux signal names and numbers as Docker parses them: a number, or a name with or without the {@code SIG}
 * prefix in any case, including {@code RTMIN+n} and {@code RTMAX-n}. Stateless.
 */
public final class Signals {

    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    private static final int RTMIN = 34;
    private static final int RTMAX = 64;

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7),
            Map.entry("FPE", 8), Map.entry("KILL", SIGKILL), Map.entry("USR1", 10), Map.entry("SEGV", 11),
            Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", SIGTERM),
            Map.entry("STKFLT", 16), Map.entry("CHLD", 17), Map.entry("CLD", 17), Map.entry("CONT", 18),
            Map.entry("STOP", 19), Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22),
            Map.entry("URG", 23), Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("VTALRM", 26),
            Map.entry("PROF", 27), Map.entry("WINCH", 28), Map.entry("IO", 29), Map.entry("POLL", 29),
            Map.entry("PWR", 30), Map.entry("SYS", 31), Map.entry("RTMIN", RTMIN), Map.entry("RTMAX", RTMAX));

    private Signals() {
    }

    /** The signal number. @throws InvalidArgumentException "Invalid signal: X" for anything else */
    public static int parse(String signal) {
        String raw = signal == null ? "" : signal.trim();
        Integer number = raw.chars().allMatch(Character::isDigit) && !raw.isEmpty() ? numeric(raw) : named(raw);
        if (number == null || number < 1 || number > RTMAX) {
            throw new InvalidArgumentException("Invalid signal: " + signal);
        }
        return number;
    }

    private static Integer numeric(String raw) {
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    private static Integer named(String raw) {
        String name = raw.toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        if (name.matches("RTMIN\\+\\d{1,2}")) {
            int value = RTMIN + Integer.parseInt(name.substring(6));
            return value <= RTMAX ? value : null;
        }
        if (name.matches("RTMAX-\\d{1,2}")) {
            int value = RTMAX - Integer.parseInt(name.substring(6));
            return value >= RTMIN ? value : null;
        }
        return BY_NAME.get(name);
    }
}
