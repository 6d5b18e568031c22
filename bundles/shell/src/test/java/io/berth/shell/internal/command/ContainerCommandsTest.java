package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.error.ConflictException;
import io.berth.api.error.NotModifiedException;
import java.util.List;
import org.apache.karaf.shell.support.MultiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** stop, kill, rm, start, restart, pause, unpause and rename: the commands that act on containers by name. */
class ContainerCommandsTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeContainerService containers = new FakeContainerService()
            .with(Fixtures.running("aa", "web"))
            .with(Fixtures.running("bb", "db"));

    private <T extends ContainersCommand> T command(T command, String... refs) {
        command.setContainerService(containers);
        command.containers = List.of(refs);
        return command;
    }

    @Test
    void stopPrintsEachRefAsGiven() throws Exception {
        StopCommand stop = command(new StopCommand(), "web", "bb");
        stop.time = 5;
        stop.signal = "SIGINT";

        stop.execute();

        assertThat(console.outLines()).containsExactly("web", "bb");
        assertThat(containers.calls).containsExactly("stop web 5 SIGINT", "stop bb 5 SIGINT");
    }

    @Test
    void stopDefaultsToTheContainersOwnTimeoutAndSignal() throws Exception {
        command(new StopCommand(), "web").execute();

        assertThat(containers.calls).containsExactly("stop web null null");
    }

    @Test
    void stopOfAStoppedContainerIsNoError() throws Exception {
        containers.failures.put("web", new NotModifiedException("container already stopped"));

        command(new StopCommand(), "web").execute();

        assertThat(console.outLines()).containsExactly("web");
        assertThat(console.err()).isEmpty();
    }

    @Test
    void partialFailureProcessesEveryRefThenFails() {
        StopCommand stop = command(new StopCommand(), "web", "nosuch", "db");

        assertThatThrownBy(stop::execute)
                .isInstanceOf(MultiException.class)
                .hasMessageStartingWith("failed to stop containers: nosuch\nnosuch: ");
        assertThat(console.outLines()).containsExactly("web", "db");
        assertThat(console.err()).isEqualTo("Error: No such container: nosuch\n");
    }

    @Test
    void everyFailureIsReportedAndListed() {
        containers.failures.put("web", new ConflictException("cannot kill container web: it is not running"));
        KillCommand kill = command(new KillCommand(), "web", "nosuch");

        assertThatThrownBy(kill::execute)
                .hasMessageStartingWith("failed to kill containers: web, nosuch\nweb: ")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
        assertThat(console.err().lines()).containsExactly(
                "Error: cannot kill container web: it is not running", "Error: No such container: nosuch");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void killSendsSigkillUnlessTold() throws Exception {
        command(new KillCommand(), "web").execute();
        KillCommand hup = command(new KillCommand(), "db");
        hup.signal = "HUP";
        hup.execute();

        assertThat(containers.calls).containsExactly("kill web SIGKILL", "kill db HUP");
        assertThat(console.outLines()).containsExactly("web", "db");
    }

    @Test
    void rmPassesForceAndVolumes() throws Exception {
        RmCommand rm = command(new RmCommand(), "web");
        rm.force = true;
        rm.volumes = true;

        rm.execute();

        assertThat(containers.calls).containsExactly("remove web force=true volumes=true");
        assertThat(console.outLines()).containsExactly("web");
    }

    @Test
    void rmOfARunningContainerWithoutForceReportsTheConflict() {
        containers.failures.put("web", new ConflictException("You cannot remove a running container web. "
                + "Stop the container before attempting removal or force remove"));

        assertThatThrownBy(command(new RmCommand(), "web")::execute).hasMessageStartingWith("failed to remove containers: web\nweb: ");
        assertThat(console.err()).startsWith("Error: You cannot remove a running container web.");
    }

    @Test
    void startTreatsAnAlreadyRunningContainerAsStarted() throws Exception {
        containers.failures.put("db", new NotModifiedException("container already started"));

        command(new StartCommand(), "web", "db").execute();

        assertThat(console.outLines()).containsExactly("web", "db");
        assertThat(containers.calls).containsExactly("start web");
    }

    @Test
    void restartPassesTheTimeout() throws Exception {
        RestartCommand restart = command(new RestartCommand(), "web");
        restart.time = 0;

        restart.execute();

        assertThat(containers.calls).containsExactly("restart web 0");
        assertThat(console.outLines()).containsExactly("web");
    }

    @Test
    void pauseAndUnpause() throws Exception {
        command(new PauseCommand(), "web", "db").execute();
        command(new UnpauseCommand(), "web").execute();

        assertThat(containers.calls).containsExactly("pause web", "pause db", "unpause web");
        assertThat(console.outLines()).containsExactly("web", "db", "web");
    }

    @Test
    void pauseFailureIsReported() {
        containers.failures.put("web", new ConflictException("container web is not running"));

        assertThatThrownBy(command(new PauseCommand(), "web")::execute).hasMessageStartingWith("failed to pause containers: web\nweb: ");
        assertThat(console.err()).isEqualTo("Error: container web is not running\n");
    }

    @Test
    void renamePrintsNothing() throws Exception {
        RenameCommand rename = new RenameCommand();
        rename.setContainerService(containers);
        rename.container = "web";
        rename.newName = "frontend";

        rename.execute();

        assertThat(containers.calls).containsExactly("rename web frontend");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void renameConflictSurfacesWithExactlyTheEnginesMessage() {
        containers.failures.put("web", new ConflictException("Conflict. The container name \"/db\" is already in use"));
        RenameCommand rename = new RenameCommand();
        rename.setContainerService(containers);
        rename.container = "web";
        rename.newName = "db";

        assertThatThrownBy(rename::execute)
                .isExactlyInstanceOf(Exception.class)
                .hasMessage("Conflict. The container name \"/db\" is already in use");
    }
}
