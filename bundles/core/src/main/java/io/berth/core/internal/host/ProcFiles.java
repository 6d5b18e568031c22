package io.berth.core.internal.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Parsers for the text of {@code /proc} files. Stateless; malformed input gives an empty result. */
public final class ProcFiles {

    private ProcFiles() {
    }

    /** The {@code CapBnd} mask of a {@code /proc/<pid>/status} text. */
    public static OptionalLong capabilityBounding(String status) {
        String value = field(status, "CapBnd:");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(value, 16));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The effective user id ({@code Uid:} second column) of a {@code /proc/<pid>/status} text. */
    public static OptionalLong effectiveUid(String status) {
        String value = field(status, "Uid:");
        if (value == null) {
            return OptionalLong.empty();
        }
        String[] ids = value.split("\\s+");
        return ids.length < 2 ? OptionalLong.empty() : number(ids[1]);
    }

    /** The hard limit of {@code Max open files} in a {@code /proc/<pid>/limits} text; unlimited is Long.MAX_VALUE. */
    public static OptionalLong nofileHardLimit(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] columns = line.substring("Max open files".length()).trim().split("\\s+");
                if (columns.length < 2) {
                    return OptionalLong.empty();
                }
                return "unlimited".equals(columns[1]) ? OptionalLong.of(Long.MAX_VALUE) : number(columns[1]);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Nanoseconds of CPU time the whole host has used, as Docker computes {@code system_cpu_usage}: the sum of
     * the first seven values (user, nice, system, idle, iowait, irq, softirq) of the {@code cpu} line of
     * {@code /proc/stat}, in clock ticks, times 10^9 / {@link ProcStat#CLOCK_TICKS}.
     */
    public static OptionalLong systemCpuNanos(String procStat) {
        for (String line : procStat.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length > 0 && parts[0].equals("cpu")) {
                if (parts.length < 8) {
                    return OptionalLong.empty();
                }
                long ticks = 0;
                for (int i = 1; i < 8; i++) {
                    OptionalLong value = number(parts[i]);
                    if (value.isEmpty()) {
                        return OptionalLong.empty();
                    }
                    ticks += value.getAsLong();
                }
                return OptionalLong.of(ticks * (1_000_000_000L / ProcStat.CLOCK_TICKS));
            }
        }
        return OptionalLong.empty();
    }

    /** The boot time ({@code btime}, seconds since the epoch) of a {@code /proc/stat} text. */
    public static OptionalLong bootTime(String procStat) {
        String value = field(procStat, "btime");
        return value == null ? OptionalLong.empty() : number(value);
    }

    /** The text of a {@code /proc} file, empty when it cannot be read (a process that is gone). */
    public static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The trimmed value after {@code key} at the start of a line, or null. */
    private static String field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(key.length()).trim();
            }
        }
        return null;
    }

    static OptionalLong number(String text) {
        try {
            long value = Long.parseLong(text.trim());
            return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
