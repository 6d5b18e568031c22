package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.BerthException;
import io.berth.common.host.MountTable;

/** The sync-file launch with a fake conmon, through ProcessBuilder and a shell: no root needed. */
class ConmonLauncherTest {

    /** Writes its pid to the -P file, drains stdin, then runs {@code body}. */
    private static final String PREAMBLE = String.join("\n",
            "for a in \"$@\"; do [ \"$prev\" = -P ] && echo $$ > \"$a\"; prev=$a; done",
            "cat > /dev/null",
            "echo \"conmon says syncpipe=$_OCI_SYNCPIPE\"",
            "");

    private static final Optional<String> NO_CGROUP = Optional.empty();

    @TempDir
    Path dir;

    /** One cgroup hierarchy, a plain directory in the test's directory. */
    private final MonitorCgroups cgroups = new MonitorCgroups(() -> MountTable.parse(
            "30 25 0:27 / " + dir.resolve("pids") + " rw,nosuid - cgroup cgroup rw,pids\n"));

    private final ConmonLauncher launcher = newLauncher(cgroups);

    /** The launcher under test. */
    ConmonLauncher newLauncher(MonitorCgroups cgroups) {
        return new ConmonLauncher(Duration.ofSeconds(30), Programs.JDK, cgroups);
    }

    private List<String> fakeConmon(String body) throws Exception {
        Path conmon = FakePrograms.script(dir.resolve("conmon"), PREAMBLE + body);
        return List.of(conmon.toString(), "-P", dir.resolve(ConmonCommand.CONMON_PID_NAME).toString());
    }

    @Test
    void movesTheMonitorIntoItsCgroupOnceItHasDaemonized() throws Exception {
        launcher.launch(fakeConmon("echo '{\"data\": 7}' >&3"), dir, Optional.of("/berth/conmon"));
        assertThat(dir.resolve("pids/berth/conmon/cgroup.procs")).content()
                .isEqualTo(Files.readString(dir.resolve(ConmonCommand.CONMON_PID_NAME)).trim());
    }

    @Test
    void returnsThePidConmonReports() throws Exception {
        SyncMessage message = launcher.launch(fakeConmon("echo '{\"data\": 4242}' >&3"), dir, NO_CGROUP);
        assertThat(message).isEqualTo(new SyncMessage(4242, ""));
        assertThat(dir.resolve(ConmonCommand.CONMON_LOG_NAME)).content().contains("conmon says syncpipe=3");
    }

    @Test
    void returnsTheRuntimesFailure() throws Exception {
        SyncMessage message = launcher.launch(
                fakeConmon("echo '{\"data\": -1, \"message\": \"runc create failed: boom\"}' >&3"), dir, NO_CGROUP);
        assertThat(message.failed()).isTrue();
        assertThat(message.message()).isEqualTo("runc create failed: boom");
    }

    @Test
    void laterMessagesAreKeptInTheSyncFile() throws Exception {
        launcher.launch(fakeConmon("echo '{\"data\": 10}' >&3; echo '{\"data\": 3}' >&3"), dir, NO_CGROUP);
        assertThat(ConmonLauncher.messages(dir)).containsExactly(new SyncMessage(10, ""), new SyncMessage(3, ""));
    }

    @Test
    void failingConmonIsAnErrorWithItsOutput() throws Exception {
        assertThatThrownBy(() -> launcher.launch(fakeConmon("echo 'bad flag' >&2; exit 3"), dir, NO_CGROUP))
                .isInstanceOf(BerthException.class).hasMessageContaining("conmon failed (exit 3)")
                .hasMessageContaining("bad flag");
    }

    @Test
    void monitorThatDiesSilentlyEndsTheWait() throws Exception {
        assertThatThrownBy(() -> launcher.launch(fakeConmon("echo 'crashed' >&2"), dir, NO_CGROUP))
                .isInstanceOf(BerthException.class)
                .hasMessageContaining("conmon exited without reporting").hasMessageContaining("crashed");
    }

    @Test
    void staleSyncFileIsReplaced() throws Exception {
        Files.writeString(dir.resolve(ConmonCommand.SYNC_FILE_NAME), "{\"data\": 1}\n");
        assertThat(launcher.launch(fakeConmon("echo '{\"data\": 2}' >&3"), dir, NO_CGROUP).data()).isEqualTo(2);
    }
}
