package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.ConflictException;
import io.berth.api.error.UnavailableException;
import io.berth.core.internal.testing.Poll;

/**
 * What the engine asks of the runtime per run, and in which order: one delete per run, none for a container
 * never handed to the runtime, the pid from the bundle's pid file when there is one, waiters answered before
 * the delete, an auto-removal's files removed while the runtime deletes.
 */
class RuntimeCallsTest extends EngineTest {

    @AfterEach
    void openDeletes() {
        f.runtime.gateDeletes(null);
    }

    @Test
    void aRunIsDeletedFromTheRuntimeOnceAtItsExit() {
        String id = f.run("exit", "0");
        f.awaitStatus(id, ContainerStatus.EXITED);

        f.engine.remove(id, false, false);

        assertThat(deletes(id)).isEqualTo(1);
        assertThat(f.runtime.calls()).contains("delete " + id);
        assertThat(f.runtime.process(id)).isNull();
    }

    @Test
    void anExitNotificationWhoseFileIsGoneIsStaleAndTheFileDecidesTheCode() throws Exception {
        String id = f.run("sleep");
        f.awaitStatus(id, ContainerStatus.RUNNING);
        Path exitFile = f.settings().exitsDir().resolve(id);

        f.engine.exitRecorder().onExitFile(id, 137);

        assertThat(f.inspect(id).state().status()).as("a start deleted the file: stale").isEqualTo(
                ContainerStatus.RUNNING);
        Files.writeString(exitFile, "3");
        f.engine.exitRecorder().onExitFile(id, 137);
        f.awaitStatus(id, ContainerStatus.EXITED);
        assertThat(f.inspect(id).state().exitCode()).isEqualTo(3);
    }

    @Test
    void aContainerNeverStartedIsRemovedWithoutAskingTheRuntime() {
        String id = f.create("sleep");

        f.engine.remove(id, false, false);

        assertThat(f.runtime.calls()).noneMatch(call -> call.endsWith(id) || call.contains(id + " "));
        assertThat(f.containerDir(id)).doesNotExist();
    }

    @Test
    void afterAnEngineRestartTheRuntimesListTellsWhetherToDeleteAgain() {
        String deleted = f.run("exit", "0");
        f.awaitStatus(deleted, ContainerStatus.EXITED);
        Poll.until("the exit's delete", () -> deletes(deleted) == 1);
        f.runtime.failNextDelete();
        String kept = f.run("exit", "0");
        f.awaitStatus(kept, ContainerStatus.EXITED);
        Poll.until("the exit's failed delete", () -> deletes(kept) == 1);
        f.reopen();

        // one list at activation: the runtime still holds only the one whose delete failed
        assertThat(f.runtime.calls()).contains("delete " + kept + " force");
        assertThat(f.runtime.process(kept)).isNull();
        f.engine.remove(deleted, false, false);
        f.engine.remove(kept, false, false);
        assertThat(deletes(deleted)).isEqualTo(1);
        assertThat(deletes(kept)).isEqualTo(2);
    }

    @Test
    void aFailedDeleteIsTriedAgainAtRemoval() {
        f.runtime.failNextDelete();
        String id = f.run("exit", "0");
        f.awaitStatus(id, ContainerStatus.EXITED);
        Poll.until("the exit's delete", () -> deletes(id) == 1);
        assertThat(f.runtime.process(id)).isNotNull();

        f.engine.remove(id, false, false);

        assertThat(f.runtime.calls()).contains("delete " + id + " force");
        assertThat(f.runtime.process(id)).isNull();
    }

    @Test
    void thePidComesFromThePidFileWithoutAskingTheRuntimesState() {
        f.runtime.writePidFiles(true);

        String id = f.run("sleep");

        assertThat(f.inspect(id).state().pid()).isEqualTo(f.runtime.process(id).pid).isPositive();
        assertThat(f.runtime.stateCalls()).isZero();
    }

    @Test
    void withoutAPidFileTheRuntimesStateGivesThePid() {
        String id = f.run("sleep");

        assertThat(f.inspect(id).state().pid()).isEqualTo(f.runtime.process(id).pid).isPositive();
        assertThat(f.runtime.stateCalls()).isEqualTo(1);
    }

    @Test
    void aPidFileOfAnEarlierRunIsNeverRead() throws Exception {
        String id = f.create("sleep");
        Path bundle = Files.createDirectories(f.containerDir(id).resolve("bundle"));
        Files.writeString(bundle.resolve("pidfile"), "4242");

        f.engine.start(id);

        assertThat(f.inspect(id).state().pid()).isEqualTo(f.runtime.process(id).pid).isNotEqualTo(4242);
    }

    @Test
    void waitersAreAnsweredBeforeTheRuntimeDeletesTheContainer() throws Exception {
        String id = f.run("sleep");
        CompletableFuture<WaitResult> exit = f.engine.wait(id, WaitCondition.NOT_RUNNING);
        CountDownLatch gate = new CountDownLatch(1);
        f.runtime.gateDeletes(gate);

        f.runtime.exit(id, 7);

        try {
            assertThat(exit.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isEqualTo(7);
            assertThat(deletes(id)).isZero();
        } finally {
            gate.countDown();
        }
        Poll.until("the delete after the exit", () -> deletes(id) == 1);
    }

    @Test
    void anAutoRemovalRemovesTheRootFilesystemWhileTheRuntimeDeletesAndAnswersAfterBoth() throws Exception {
        String id = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").autoRemove(true).build(), null)
                .id();
        CompletableFuture<WaitResult> removed = f.engine.wait(id, WaitCondition.REMOVED);
        f.engine.start(id);
        CountDownLatch gate = new CountDownLatch(1);
        f.runtime.gateDeletes(gate);

        f.runtime.exit(id, 0);

        try {
            Poll.until("the root filesystem removed during the runtime's delete", () -> f.snapshots.path(id) == null);
            assertThat(deletes(id)).isZero();
            assertThat(removed).isNotDone();
        } finally {
            gate.countDown();
        }
        assertThat(removed.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(deletes(id)).isEqualTo(1);
        assertThat(f.runtime.process(id)).isNull();
    }

    @Test
    void aStartTheRuntimeRefusesWhileTheRunningRecordIsWrittenEndsExited() {
        f.runtime.writePidFiles(true);
        String id = f.create("sleep");
        f.runtime.failNextStart(new ConflictException("exec: permission denied"));

        assertThatThrownBy(() -> f.engine.start(id)).hasMessageContaining("permission denied");

        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.inspect(id).state().exitCode()).isEqualTo(126);
        assertThat(f.inspect(id).state().error()).contains("permission denied");
        assertThat(f.runtime.process(id)).isNull();
    }

    @Test
    void aRuntimeGoneWhileTheRunningRecordIsWrittenLeavesTheContainerAsItWas() throws Exception {
        f.runtime.writePidFiles(true);
        String id = f.create("sleep");
        f.runtime.failNextStart(new UnavailableException("runtime mock went away"));

        assertThatThrownBy(() -> f.engine.start(id)).isInstanceOf(UnavailableException.class);

        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.CREATED);
        f.reopen();
        assertThat(f.inspect(id).state().status()).as("on disk too").isEqualTo(ContainerStatus.CREATED);
    }

    private long deletes(String id) {
        return f.runtime.calls().stream().filter(call -> call.startsWith("delete " + id)).count();
    }
}
