package io.berth.nativeio.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.ProcessSpawner.Request;

class LinuxProcessSpawnerTest {

    private static final Path NULL = Path.of("/dev/null");

    private final LinuxNative natives = new LinuxNative();

    @TempDir
    Path dir;

    private Process sh(String script, Map<String, String> environment, Path error, List<Path> extras)
            throws Exception {
        return natives.spawn(new Request(List.of("/bin/sh", "-c", script), environment, NULL, dir.resolve("out"),
                error, extras));
    }

    @Test
    void runsTheProgramWithItsStreamsOnFiles() throws Exception {
        Files.writeString(dir.resolve("in"), "from stdin\n");
        Process child = natives.spawn(new Request(List.of("/bin/sh", "-c", "cat; echo oops >&2; exit 3"), Map.of(),
                dir.resolve("in"), dir.resolve("out"), dir.resolve("err"), List.of()));
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(3);
        assertThat(child.isAlive()).isFalse();
        assertThat(dir.resolve("out")).hasContent("from stdin");
        assertThat(dir.resolve("err")).hasContent("oops");
    }

    @Test
    void stderrGoesWithStdoutWhenNotGiven() throws Exception {
        Process child = sh("echo one; echo two >&2", Map.of(), null, List.of());
        assertThat(child.waitFor()).isZero();
        assertThat(dir.resolve("out")).hasContent("one\ntwo");
    }

    @Test
    void extraFilesArriveAsDescriptorThreeOnwardsAndEnvironmentIsAdded() throws Exception {
        Process child = sh("echo \"$BERTH_TEST_VAR\" >&3; echo four >&4; test -n \"$PATH\"",
                Map.of("BERTH_TEST_VAR", "three"), null, List.of(dir.resolve("fd3"), dir.resolve("fd4")));
        assertThat(child.waitFor()).isZero();
        assertThat(dir.resolve("fd3")).hasContent("three");
        assertThat(dir.resolve("fd4")).hasContent("four");
    }

    @Test
    void noOtherDescriptorOfTheJvmIsInherited() throws Exception {
        File held = dir.resolve("held").toFile();
        try (FileOutputStream open = new FileOutputStream(held)) {
            Process child = sh("ls /proc/self/fd", Map.of(), null, List.of(dir.resolve("fd3")));
            assertThat(child.waitFor()).isZero();
        }
        // 0, 1, 2, 3 and the descriptor ls opens to read the directory
        assertThat(Files.readAllLines(dir.resolve("out"))).hasSizeLessThanOrEqualTo(5).contains("0", "1", "2", "3")
                .doesNotContain("5", "6", "7");
    }

    @Test
    void signalsStartAtTheirDefaults() throws Exception {
        Process child = sh("grep -E '^(SigBlk|SigIgn)' /proc/self/status", Map.of(), null, List.of());
        assertThat(child.waitFor()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("out"));
        assertThat(lines).hasSize(2);
        // none blocked; none of the standard signals ignored (the C library keeps its own real-time ones, 32 and 33,
        // as the JVM has them, exactly as for ProcessBuilder's children)
        assertThat(Long.parseLong(lines.get(0).split("\t")[1], 16)).isZero();
        assertThat(Long.parseLong(lines.get(1).split("\t")[1], 16) & 0x7fffffffL).isZero();
    }

    @Test
    void destroyEndsTheChildAndReportsTheSignal() throws Exception {
        Process child = sh("exec sleep 60", Map.of(), null, List.of());
        assertThat(child.waitFor(50, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(child.isAlive()).isTrue();
        assertThatThrownBy(child::exitValue).isInstanceOf(IllegalThreadStateException.class);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(128 + 9);
        child.destroy();
    }

    @Test
    void waitingIsInterruptible() throws Exception {
        Process child = sh("exec sleep 60", Map.of(), null, List.of());
        try {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> child.waitFor(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void missingProgramIsAnErrnoException() {
        assertThatThrownBy(() -> natives.spawn(new Request(List.of("/nonexistent/program"), Map.of(), NULL,
                dir.resolve("out"), null, List.of())))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOENT))
                .hasMessageContaining("/nonexistent/program");
    }

    @Test
    void relativeProgramIsRefused() {
        assertThatThrownBy(() -> new Request(List.of("sh"), Map.of(), NULL, NULL, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exitStatusIsDecodedAsProcessBuilderDoes() {
        assertThat(LinuxSpawnedProcess.decode(3 << 8)).isEqualTo(3);
        assertThat(LinuxSpawnedProcess.decode(9)).isEqualTo(137);
    }
}
