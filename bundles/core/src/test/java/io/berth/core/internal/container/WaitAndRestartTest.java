package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.RestartPolicy;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.NotFoundException;
import io.berth.core.internal.testing.Poll;

class WaitAndRestartTest extends EngineTest {

    @Test
    void notRunningCompletesAtOnceForAStoppedContainer() throws Exception {
        String id = f.create("sleep");

        CompletableFuture<WaitResult> wait = f.engine.wait(id, WaitCondition.NOT_RUNNING);

        assertThat(wait).isDone();
        assertThat(wait.get().exitCode()).isZero();
    }

    @Test
    void notRunningWaitsForTheExitOfARunningContainer() throws Exception {
        String id = f.run("sleep");
        CompletableFuture<WaitResult> wait = f.engine.wait(id, null);
        assertThat(wait).isNotDone();

        f.engine.kill(id, "KILL");

        assertThat(wait.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isEqualTo(137);
    }

    @Test
    void nextExitWaitsForTheNextRunEvenWhenStopped() throws Exception {
        String id = f.create("exit", "3");
        CompletableFuture<WaitResult> wait = f.engine.wait(id, WaitCondition.NEXT_EXIT);
        assertThat(wait).isNotDone();

        f.engine.start(id);

        assertThat(wait.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new WaitResult(3, ""));
    }

    @Test
    void aFailedStartAnswersWaitersWithTheError() throws Exception {
        String id = f.create("nonexistent");
        CompletableFuture<WaitResult> wait = f.engine.wait(id, WaitCondition.NEXT_EXIT);

        assertThatThrownBy(() -> f.engine.start(id)).isInstanceOf(RuntimeException.class);

        WaitResult result = wait.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.error()).contains("executable file not found");
    }

    @Test
    void removalFailsPendingExitWaitsAndAnswersRemovedWaits() throws Exception {
        String id = f.create("sleep");
        CompletableFuture<WaitResult> nextExit = f.engine.wait(id, WaitCondition.NEXT_EXIT);
        CompletableFuture<WaitResult> removed = f.engine.wait(id, WaitCondition.REMOVED);

        f.engine.remove(id, false, false);

        assertThat(removed.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isZero();
        assertThatThrownBy(() -> nextExit.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.engine.wait(id, WaitCondition.REMOVED)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void cancellingOneWaiterLeavesOthersAlone() throws Exception {
        String id = f.run("sleep");
        CompletableFuture<WaitResult> cancelled = f.engine.wait(id, WaitCondition.NEXT_EXIT);
        CompletableFuture<WaitResult> kept = f.engine.wait(id, WaitCondition.NEXT_EXIT);

        cancelled.cancel(true);
        f.engine.stop(id, null, null);

        assertThat(kept.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isEqualTo(143);
    }

    @Test
    void onFailureRestartsUpToMaxRetries() {
        String id = create(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 2), "exit", "1");

        f.engine.start(id);

        Poll.until("two restarts then exited", () -> {
            ContainerInfo info = f.inspect(id);
            return info.restartCount() == 2 && info.state().status() == ContainerStatus.EXITED
                    && f.actions(id).stream().filter("die"::equals).count() == 3;
        });
        assertThat(f.actions(id).stream().filter("start"::equals)).hasSize(3);
        assertThat(f.inspect(id).state().exitCode()).isEqualTo(1);
    }

    @Test
    void onFailureDoesNotRestartASuccess() throws Exception {
        String id = create(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 0), "exit", "0");
        CompletableFuture<WaitResult> exit = f.engine.wait(id, WaitCondition.NEXT_EXIT);

        f.engine.start(id);
        exit.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.inspect(id).restartCount()).isZero();
    }

    @Test
    void alwaysRestartsUntilTheUserStopsIt() {
        String id = create(new RestartPolicy(RestartPolicy.Mode.ALWAYS, 0), "exit", "0");
        f.engine.start(id);
        Poll.until("restarted twice", () -> f.inspect(id).restartCount() >= 2);

        f.engine.stop(id, null, null);

        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.EXITED);
        f.engine.start(id);
        f.awaitStatus(id, ContainerStatus.RESTARTING);
        f.engine.stop(id, null, null);
        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.inspect(id).state().running()).isFalse();
    }

    @Test
    void stopAndKillSuppressTheRestartPolicy() throws Exception {
        String stopped = create(new RestartPolicy(RestartPolicy.Mode.UNLESS_STOPPED, 0), "sleep");
        String killed = create(new RestartPolicy(RestartPolicy.Mode.ALWAYS, 0), "sleep");
        f.engine.start(stopped);
        f.engine.start(killed);
        CompletableFuture<WaitResult> killedExit = f.engine.wait(killed, WaitCondition.NEXT_EXIT);

        f.engine.stop(stopped, null, null);
        f.engine.kill(killed, "SIGKILL");
        killedExit.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(f.inspect(stopped).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.inspect(killed).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.inspect(killed).restartCount()).isZero();
    }

    @Test
    void anExitOnItsOwnTriggersTheRestart() {
        String id = create(new RestartPolicy(RestartPolicy.Mode.UNLESS_STOPPED, 0), "sleep");
        f.engine.start(id);

        f.runtime.exit(id, 2);

        Poll.until("restarted", () -> f.inspect(id).restartCount() == 1
                && f.inspect(id).state().status() == ContainerStatus.RUNNING);
    }

    private String create(RestartPolicy policy, String... cmd) {
        return f.engine.create(ContainerSpec.builder("busybox").cmd(cmd).restartPolicy(policy).build(), null).id();
    }
}
