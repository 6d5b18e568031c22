package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.testing.Poll;

class ReadoptionTest extends EngineTest {

    @Test
    void aNewEngineReconcilesWithTheRuntime() {
        String alive = f.run("sleep");
        int pid = f.inspect(alive).state().pid();
        String exitedWhileDown = f.run("sleep");
        String forgotten = f.run("sleep");
        String paused = f.run("sleep");
        f.engine.pause(paused);
        String created = f.create("sleep");
        f.engine.close();

        f.runtime.exit(exitedWhileDown, 7);
        f.runtime.forget(forgotten);
        f.reopen();

        assertThat(f.inspect(alive).state().status()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(f.inspect(alive).state().pid()).isEqualTo(pid);
        assertThat(f.inspect(paused).state().status()).isEqualTo(ContainerStatus.PAUSED);
        assertThat(f.inspect(created).state().status()).isEqualTo(ContainerStatus.CREATED);
        ContainerInfo exited = f.inspect(exitedWhileDown);
        assertThat(exited.state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(exited.state().exitCode()).isEqualTo(7);
        ContainerInfo unknown = f.inspect(forgotten);
        assertThat(unknown.state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(unknown.state().exitCode()).isEqualTo(255);
        assertThat(unknown.state().error()).isEqualTo("container exited while the engine was down");
        assertThat(f.runtime.calls()).doesNotContain("kill " + alive + " 9 all", "kill " + alive + " 15");
        assertThat(f.state().resolve("exits").resolve(exitedWhileDown)).doesNotExist();
    }

    @Test
    void aNewEngineAsksTheRuntimeOnceForAllItsContainers() {
        for (int i = 0; i < 5; i++) {
            f.run("sleep");
        }
        String created = f.create("sleep");
        int before = f.runtime.statesCalls();
        int stateCallsBefore = f.runtime.stateCalls();

        f.reopen();

        assertThat(f.engine.list(ContainerFilter.ALL)).filteredOn(c -> !c.id().equals(created))
                .hasSize(5).allMatch(c -> c.state().status() == ContainerStatus.RUNNING);
        assertThat(f.runtime.statesCalls() - before).isEqualTo(1);
        assertThat(f.runtime.stateCalls()).isEqualTo(stateCallsBefore);
    }

    @Test
    void aRunningContainerTheRuntimesListDoesNotShowIsAskedForAgain() {
        String started = f.run("sleep");
        int pid = f.inspect(started).state().pid();
        f.runtime.leaveOutOfStates(started);

        f.reopen();

        assertThat(f.inspect(started).state().status()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(f.inspect(started).state().pid()).isEqualTo(pid);
        assertThat(f.runtime.calls()).doesNotContain("kill " + started + " 9 all");
    }

    @Test
    void theNewEngineKeepsWatchingAdoptedContainers() {
        String id = f.run("sleep");
        f.reopen();

        f.engine.stop(f.inspect(id).name(), null, null);

        assertThat(f.inspect(id).state().exitCode()).isEqualTo(143);
    }

    @Test
    void containersOfAnAbsentRuntimeWaitForIt() {
        String alive = f.run("sleep");
        String forgotten = f.run("sleep");
        f.engine.close();
        f.runtime.forget(forgotten);
        f.runtimes.unregister("mock", f.runtime);

        f.reopen();
        assertThat(f.inspect(forgotten).state().status()).isEqualTo(ContainerStatus.RUNNING);

        f.runtimes.register("mock", f.runtime, "fake-runtime 1.0.1");
        Poll.until("reconciled after the runtime came back",
                () -> f.inspect(forgotten).state().status() == ContainerStatus.EXITED);
        assertThat(f.inspect(forgotten).state().exitCode()).isEqualTo(255);
        assertThat(f.inspect(alive).state().status()).isEqualTo(ContainerStatus.RUNNING);
    }

    @Test
    void tornTempFilesAndBrokenRecordsDoNotStopTheEngine() throws IOException {
        String id = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").build(), "survivor").id();
        f.engine.close();
        Path torn = f.containerDir(id).resolve(".container.json.tmp-1");
        Files.writeString(torn, "{\"id\":");
        Path broken = Files.createDirectories(f.state().resolve("containers").resolve("f".repeat(64)));
        Files.writeString(broken.resolve("container.json"), "garbage");

        f.reopen();

        assertThat(f.engine.list(ContainerFilter.ALL)).extracting(ContainerInfo::name).containsExactly("survivor");
        assertThat(torn).doesNotExist();
        assertThat(broken.resolve("container.json")).exists();
    }

    @Test
    void anAutoRemoveContainerFoundExitedIsRemovedAndAKeptOneStays() throws IOException {
        String auto = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").autoRemove(true).build(), null)
                .id();
        String kept = f.run("exit", "0");
        f.awaitStatus(kept, ContainerStatus.EXITED);
        f.engine.close();
        // what a crash between the exit's record and the removal leaves, or a power cut that lost the removal's
        // record (an auto-remove container's EXITED and REMOVING records are not fsynced)
        Path record = f.containerDir(auto).resolve("container.json");
        Files.writeString(record, Files.readString(record).replace("\"CREATED\"", "\"EXITED\""));

        f.reopen();

        Poll.until("the auto-removal", () -> f.engine.list(ContainerFilter.ALL).size() == 1);
        assertThat(f.engine.list(ContainerFilter.ALL)).extracting(ContainerInfo::id).containsExactly(kept);
        assertThat(f.containerDir(auto)).doesNotExist();
    }

    @Test
    void onlyTheRecordsOfAnAutoRemoveContainerAfterItsRunSkipTheFsync() {
        ContainerSpec autoRemove = ContainerSpec.builder("busybox").cmd("true").autoRemove(true).build();
        ContainerSpec kept = ContainerSpec.builder("busybox").cmd("true").build();
        assertThat(EngineContext.mustBeDurable(record(autoRemove, ContainerStatus.RUNNING),
                record(autoRemove, ContainerStatus.EXITED))).isFalse();
        assertThat(EngineContext.mustBeDurable(record(autoRemove, ContainerStatus.EXITED),
                record(autoRemove, ContainerStatus.REMOVING))).isFalse();
        // a start that failed: an EXITED record that follows CREATED is kept durable
        assertThat(EngineContext.mustBeDurable(record(autoRemove, ContainerStatus.CREATED),
                record(autoRemove, ContainerStatus.EXITED))).isTrue();
        assertThat(EngineContext.mustBeDurable(record(autoRemove, ContainerStatus.CREATED),
                record(autoRemove, ContainerStatus.RUNNING))).isTrue();
        assertThat(EngineContext.mustBeDurable(record(kept, ContainerStatus.RUNNING),
                record(kept, ContainerStatus.EXITED))).isTrue();
        assertThat(EngineContext.mustBeDurable(record(kept, ContainerStatus.EXITED),
                record(kept, ContainerStatus.REMOVING))).isTrue();
    }

    private static ContainerRecord record(ContainerSpec spec, ContainerStatus status) {
        return new ContainerRecord("a".repeat(64), "n", Instant.now(), "busybox", "sha256:" + "b".repeat(64), "mock",
                spec, new ContainerState(status, 0, 0, "", false, null, null), 0, false, List.of());
    }

    @Test
    void anInterruptedRemovalIsFinished() throws IOException {
        String id = f.create("sleep");
        f.engine.close();
        Path record = f.containerDir(id).resolve("container.json");
        Files.writeString(record, Files.readString(record).replace("\"CREATED\"", "\"REMOVING\""));

        f.reopen();

        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();
        assertThat(f.containerDir(id)).doesNotExist();
    }
}
