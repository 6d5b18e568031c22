package io.berth.core.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.TopResult;

class ProcessTableTest {

    private static final long BOOT = 1_700_000_000L;

    @TempDir
    Path proc;

    @Test
    void rowsLookLikePsEf() throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu  1 2 3 4 5 6 7\nbtime " + BOOT + "\n");
        // started 100 s after boot, 30 s of CPU (2000 + 1000 ticks), on pts/3
        process(42, "42 (my (odd) cmd) S 7 42 42 " + ((136 << 8) | 3)
                + " 42 0 0 0 0 0 2000 1000 0 0 20 0 1 0 10000 0 0",
                "Uid:\t1000\t1001\t1000\t1000\n", "sleep\u0000100\u0000");
        Clock clock = Clock.fixed(Instant.ofEpochSecond(BOOT + 100 + 60), ZoneOffset.UTC);

        TopResult top = new ProcessTable(proc, clock).top(List.of(42));

        assertThat(top.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        assertThat(top.processes()).containsExactly(
                List.of("1001", "42", "7", "50", "22:15", "pts/3", "00:00:30", "sleep 100"));
    }

    @Test
    void vanishedAndFakePidsGiveQuestionMarks() throws IOException {
        Files.writeString(proc.resolve("stat"), "btime " + BOOT + "\n");
        Clock clock = Clock.fixed(Instant.ofEpochSecond(BOOT + 10), ZoneOffset.UTC);

        TopResult top = new ProcessTable(proc, clock).top(List.of(1001));

        assertThat(top.processes()).containsExactly(List.of("?", "1001", "?", "?", "?", "?", "?", "?"));
    }

    @Test
    void kernelThreadsAndOldProcessesAndLongCpuTimes() throws IOException {
        Files.writeString(proc.resolve("stat"), "btime " + BOOT + "\n");
        process(2, "2 (kthreadd) S 0 0 0 0 -1 0 0 0 0 0 360000000 0 0 0 20 0 1 0 0 0 0", "garbage", "");
        Clock twoDaysLater = Clock.fixed(Instant.ofEpochSecond(BOOT + 2 * 86_400), ZoneOffset.UTC);
        Clock twoYearsLater = Clock.fixed(Instant.ofEpochSecond(BOOT + 2 * 366 * 86_400L), ZoneOffset.UTC);

        List<String> row = new ProcessTable(proc, twoDaysLater).top(List.of(2)).processes().get(0);
        String year = new ProcessTable(proc, twoYearsLater).top(List.of(2)).processes().get(0).get(4);

        assertThat(row).containsExactly("?", "2", "0", "99", "Nov14", "?", "41-16:00:00", "[kthreadd]");
        assertThat(year).isEqualTo("2023");
    }

    @Test
    void ttyNames() {
        assertThat(stat(0).ttyName()).isEqualTo("?");
        assertThat(stat((136 << 8) | 0).ttyName()).isEqualTo("pts/0");
        assertThat(stat((137 << 8) | 2).ttyName()).isEqualTo("pts/258");
        assertThat(stat((4 << 8) | 1).ttyName()).isEqualTo("tty1");
        assertThat(stat((4 << 8) | 65).ttyName()).isEqualTo("ttyS1");
        assertThat(stat((5 << 8) | 1).ttyName()).isEqualTo("?");
        assertThat(ProcStat.parse("garbage")).isEmpty();
        assertThat(ProcStat.parse("1 (x) S 1 2")).isEmpty();
    }

    private static ProcStat stat(int tty) {
        return new ProcStat(1, "x", 0, tty, 0, 0, 0);
    }

    private void process(int pid, String stat, String status, String cmdline) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("stat"), stat + "\n");
        Files.writeString(dir.resolve("status"), status);
        Files.writeString(dir.resolve("cmdline"), cmdline);
    }
}
