package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.Mount;
import io.berth.api.container.RestartPolicy;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.core.internal.testing.Poll;

class ContainerRemovalTest extends EngineTest {

    @Test
    void runningContainersNeedForce() {
        String id = f.run("sleep");

        assertThatThrownBy(() -> f.engine.remove(id, false, false)).isInstanceOf(ConflictException.class)
                .hasMessage("You cannot remove a running container " + id
                        + ". Stop the container before attempting removal or force remove");
        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.RUNNING);
    }

    @Test
    void pausedContainersNeedForceToo() {
        String id = f.run("sleep");
        f.engine.pause(id);

        assertThatThrownBy(() -> f.engine.remove(id, false, false)).isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("You cannot remove a paused container " + id);
    }

    @Test
    void stoppedContainersAreRemovedCompletely() throws Exception {
        String id = f.run("exit", "0");
        f.awaitStatus(id, ContainerStatus.EXITED);
        String name = f.inspect(id).name();
        CompletableFuture<WaitResult> removed = f.engine.wait(id, WaitCondition.REMOVED);

        f.engine.remove(name, false, false);

        assertThat(removed.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isZero();
        assertThatThrownBy(() -> f.inspect(id)).isInstanceOf(NotFoundException.class);
        assertThat(f.containerDir(id)).doesNotExist();
        Poll.until("the renamed directory deleted after the answer", () -> !Files.exists(
                f.containerDir(id).resolveSibling(".removed-" + id)));
        assertThat(f.containerDir(id).getParent()).isEmptyDirectory();
        assertThat(f.snapshots.path(id)).isNull();
        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();
        assertThat(f.engine.create(ContainerSpec.builder("busybox").build(), name).name()).isEqualTo(name);
        Poll.until("destroy event", () -> f.actions(id).contains("destroy"));
    }

    @Test
    void forceKillsWaitsAndRemoves() {
        String id = f.run("stubborn");

        f.engine.remove(id, true, false);

        assertThatThrownBy(() -> f.inspect(id)).isInstanceOf(NotFoundException.class);
        assertThat(f.runtime.calls()).contains("kill " + id + " 9 all");
        // deleted once, when its exit was recorded; the removal does not ask again
        assertThat(f.runtime.calls().stream().filter(c -> c.startsWith("delete " + id))).hasSize(1);
        assertThat(f.runtime.process(id)).isNull();
        Poll.until("destroy event", () -> f.actions(id).contains("destroy"));
        assertThat(f.actions(id)).containsSubsequence("kill", "die", "destroy");
    }

    @Test
    void forceRemovesAPausedContainer() {
        String id = f.run("sleep");
        f.engine.pause(id);

        f.engine.remove(id, true, false);

        assertThatThrownBy(() -> f.inspect(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void autoRemoveRemovesAfterTheExit() throws Exception {
        String id = f.engine.create(ContainerSpec.builder("busybox").cmd("exit", "4").autoRemove(true).build(), null)
                .id();
        CompletableFuture<WaitResult> exit = f.engine.wait(id, WaitCondition.NEXT_EXIT);
        CompletableFuture<WaitResult> removed = f.engine.wait(id, WaitCondition.REMOVED);

        f.engine.start(id);

        assertThat(exit.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isEqualTo(4);
        assertThat(removed.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isEqualTo(4);
        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();
        assertThat(f.containerDir(id)).doesNotExist();
    }

    @Test
    void autoRemoveRemovesAContainerThatCannotStart() throws Exception {
        String id = f.engine.create(ContainerSpec.builder("busybox").cmd("nonexistent").autoRemove(true).build(),
                null).id();
        CompletableFuture<WaitResult> removed = f.engine.wait(id, WaitCondition.REMOVED);

        assertThatThrownBy(() -> f.engine.start(id)).hasMessageContaining("executable file not found");

        assertThat(removed.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isEqualTo(127);
        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();
        assertThat(f.containerDir(id)).doesNotExist();
    }

    @Test
    void autoRemoveAndRestartPolicyConflict() {
        ContainerSpec spec = ContainerSpec.builder("busybox").cmd("sleep").autoRemove(true)
                .restartPolicy(new RestartPolicy(RestartPolicy.Mode.ALWAYS, 0)).build();

        assertThatThrownBy(() -> f.engine.create(spec, null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("can't create 'AutoRemove' container with restart policy");
    }

    @Test
    void anonymousVolumesAreCreatedAndRemovedOnRequest() throws Exception {
        Path hostDir = Files.createDirectories(tmp.resolve("host"));
        ContainerSpec spec = ContainerSpec.builder("busybox").cmd("sleep").mounts(List.of(
                new Mount(Mount.Type.VOLUME, null, "/anon", false),
                new Mount(Mount.Type.VOLUME, "named", "/named", false),
                new Mount(Mount.Type.BIND, hostDir.toString(), "/host", true))).build();
        String id = f.engine.create(spec, null).id();
        f.engine.start(id);
        String anonymous = f.inspect(id).config().mounts().get(0).source();
        Path volumes = f.state().resolve("volumes");
        assertThat(volumes.resolve(anonymous).resolve("_data")).isDirectory();
        assertThat(f.runtime.process(id).spec.path("mounts").toString()).contains(hostDir.toString(),
                volumes.resolve("named").resolve("_data").toString());

        f.engine.remove(id, true, true);

        assertThat(volumes.resolve(anonymous)).doesNotExist();
        assertThat(volumes.resolve("named")).isDirectory();
    }

    @Test
    void invalidMountsAreRefusedAtCreate() {
        assertThatThrownBy(() -> createWith(new Mount(Mount.Type.BIND, "/does/not/exist", "/x", false)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid mount config for type \"bind\": bind source path does not exist: /does/not/exist");
        assertThatThrownBy(() -> createWith(new Mount(Mount.Type.TMPFS, null, "relative", false)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> createWith(new Mount(Mount.Type.VOLUME, "bad/name", "/v", false)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("invalid characters");
    }

    private void createWith(Mount mount) {
        f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").mounts(List.of(mount)).build(), null);
    }
}
