package io.berth.core.internal.host;

import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} that {@code top} shows. Times are in clock ticks.
 *
 * @param pid       process id
 * @param comm      the command name (without the parentheses)
 * @param ppid      parent process id
 * @param ttyNr     controlling terminal device number, 0 for none
 * @param utime     user CPU time
 * @param stime     system CPU time
 * @param startTime start time after boot
 */
public record ProcStat(int pid, String comm, int ppid, int ttyNr, long utime, long stime, long startTime) {

    /** Linux's {@code USER_HZ}: clock ticks per second ({@code getconf CLK_TCK}). */
    public static final long CLOCK_TICKS = 100;

    /**
     * Parses the text. The command name may hold spaces and parentheses: the fields start after the last
     * {@code )}. Anything malformed gives an empty result.
     */
    public static Optional<ProcStat> parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] fields = text.substring(close + 1).trim().split("\\s+");
        if (fields.length < 20) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcStat(Integer.parseInt(text.substring(0, open).trim()),
                    text.substring(open + 1, close), Integer.parseInt(fields[1]), Integer.parseInt(fields[4]),
                    Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[19])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** User plus system CPU time, in clock ticks. */
    public long cpuTicks() {
        return utime + stime;
    }

    /** The terminal's name as {@code ps} shows it ({@code pts/0}, {@code tty1}), {@code ?} for none or unknown. */
    public String ttyName() {
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        if (ttyNr == 0) {
            return "?";
        }
        if (major >= 136 && major <= 143) {
            return "pts/" + ((major - 136) * 256 + minor);
        }
        if (major == 4) {
            return minor < 64 ? "tty" + minor : "ttyS" + (minor - 64);
        }
        return "?";
    }
}
