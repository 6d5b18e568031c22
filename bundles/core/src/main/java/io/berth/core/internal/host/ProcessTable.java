package io.berth.core.internal.host;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import io.berth.api.container.TopResult;

/**
 * {@code ps -ef}-like rows for a list of host pids, read from {@code /proc}: UID (numeric, effective), PID,
 * PPID, C (CPU percent over the process's life, at most 99), STIME, TTY, TIME, CMD. A pid that vanished or
 * cannot be read (a mock runtime's invented pids) gets {@code ?} in every field that could not be read,
 * never an error. Thread-safe.
 */
public final class ProcessTable {

    /** Docker's titles for {@code ps -ef}. */
    public static final List<String> TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");

    static final String UNKNOWN = "?";

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMMdd", Locale.ENGLISH);
    private static final DateTimeFormatter OLDER = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

    private final Path procRoot;
    private final Clock clock;

    /**
     * @param procRoot where {@code /proc} is mounted
     * @param clock    the current time and the zone STIME is shown in
     */
    public ProcessTable(Path procRoot, Clock clock) {
        this.procRoot = procRoot;
        this.clock = clock;
    }

    /** One row per pid, in the given order. */
    public TopResult top(List<Integer> pids) {
        OptionalLong bootTime = ProcFiles.bootTime(ProcFiles.read(procRoot.resolve("stat")));
        Instant now = clock.instant();
        List<List<String>> rows = new ArrayList<>();
        for (int pid : pids) {
            rows.add(row(pid, bootTime, now));
        }
        return new TopResult(TITLES, rows);
    }

    private List<String> row(int pid, OptionalLong bootTime, Instant now) {
        Path dir = procRoot.resolve(Integer.toString(pid));
        Optional<ProcStat> stat = ProcStat.parse(ProcFiles.read(dir.resolve("stat")));
        OptionalLong uid = ProcFiles.effectiveUid(ProcFiles.read(dir.resolve("status")));
        List<String> row = new ArrayList<>();
        row.add(uid.isPresent() ? Long.toString(uid.getAsLong()) : UNKNOWN);
        row.add(Integer.toString(pid));
        row.add(stat.map(s -> Integer.toString(s.ppid())).orElse(UNKNOWN));
        Optional<Instant> started = stat.flatMap(s -> startOf(s, bootTime));
        row.add(stat.flatMap(s -> started.map(t -> cpuPercent(s, t, now))).orElse(UNKNOWN));
        row.add(started.map(t -> startTime(t, now)).orElse(UNKNOWN));
        row.add(stat.map(ProcStat::ttyName).orElse(UNKNOWN));
        row.add(stat.map(s -> cpuTime(s.cpuTicks())).orElse(UNKNOWN));
        row.add(command(dir, stat));
        return row;
    }

    private static Optional<Instant> startOf(ProcStat stat, OptionalLong bootTime) {
        if (bootTime.isEmpty()) {
            return Optional.empty();
        }
        long millis = stat.startTime() * 1000 / ProcStat.CLOCK_TICKS;
        return Optional.of(Instant.ofEpochSecond(bootTime.getAsLong()).plusMillis(millis));
    }

    /** ps's C: CPU time over elapsed time, in percent, at most 99. */
    static String cpuPercent(ProcStat stat, Instant started, Instant now) {
        long elapsedMillis = now.toEpochMilli() - started.toEpochMilli();
        if (elapsedMillis <= 0) {
            return "0";
        }
        long cpuMillis = stat.cpuTicks() * 1000 / ProcStat.CLOCK_TICKS;
        return Long.toString(Math.min(99, cpuMillis * 100 / elapsedMillis));
    }

    /** ps's STIME: HH:MM within a day, MonDD within a year, else the year. */
    String startTime(Instant started, Instant now) {
        long age = now.getEpochSecond() - started.getEpochSecond();
        DateTimeFormatter format = age > 365L * 24 * 3600 ? OLDER : age > 24 * 3600 ? THIS_YEAR : TODAY;
        return format.format(ZonedDateTime.ofInstant(started, clock.getZone()));
    }

    /** ps's TIME: [DD-]HH:MM:SS of CPU time. */
    static String cpuTime(long ticks) {
        long seconds = ticks / ProcStat.CLOCK_TICKS;
        long days = seconds / 86_400;
        String clockPart = String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60,
                seconds % 60);
        return days > 0 ? days + "-" + clockPart : clockPart;
    }

    /** The command line with NULs as spaces; {@code [comm]} when empty (kernel threads, zombies). */
    private String command(Path dir, Optional<ProcStat> stat) {
        String cmdline = ProcFiles.read(dir.resolve("cmdline"));
        String joined = cmdline.replace('\0', ' ').strip();
        if (!joined.isEmpty()) {
            return joined;
        }
        return stat.map(s -> "[" + s.comm() + "]").orElse(UNKNOWN);
    }
}
