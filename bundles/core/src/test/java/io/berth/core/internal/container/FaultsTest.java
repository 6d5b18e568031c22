package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.LogOptions;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import io.berth.api.error.UnavailableException;
import io.berth.common.host.ProcessUser;
import io.berth.core.internal.store.ContainerStore;
import io.berth.core.internal.testing.EngineFixture;
import io.berth.core.internal.testing.Poll;

/**
 * Faults around the engine: a runtime that cannot run anything (its binary gone), a container whose monitor
 * was killed, a full disk while records are written. Each gives a clear error at once, changes nothing it
 * should not, and the engine keeps serving.
 */
class FaultsTest extends EngineTest {

    /** Generous: a hang (a stop waiting for its timeout and a kill wait) would take far longer. */
    private static final Duration NO_HANG = Duration.ofSeconds(20);

    @AfterEach
    void restoreRuntime() {
        f.runtime.makeUnavailable(null);
    }

    @Test
    void aRuntimeThatCannotRunAnythingFailsOperationsAtOnceAndChangesNothing() throws Exception {
        String running = f.run("sleep");
        String created = f.create("sleep");
        String exited = f.run("sleep");
        f.runtime.failNextDelete(); // the runtime still holds this one after its exit
        f.engine.stop(exited, 10, null);
        Poll.until("the exit's failed delete", () -> f.runtime.calls().contains("delete " + exited));
        f.runtime.makeUnavailable("mock binary /opt/mock not found");

        assertTimeoutPreemptively(NO_HANG, () -> {
            assertThatThrownBy(() -> f.engine.stop(running, 60, null)).isInstanceOf(UnavailableException.class)
                    .hasMessage("mock binary /opt/mock not found");
            assertThatThrownBy(() -> f.engine.remove(running, true, false))
                    .isInstanceOf(UnavailableException.class);
            assertThatThrownBy(() -> f.engine.kill(running, "KILL")).isInstanceOf(UnavailableException.class);
            assertThatThrownBy(() -> f.engine.start(created)).isInstanceOf(UnavailableException.class);
            assertThatThrownBy(() -> f.engine.remove(exited, false, false))
                    .isInstanceOf(UnavailableException.class);
        });

        assertThat(f.inspect(running).state().status()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(f.inspect(created).state().status()).as("not a failed start").isEqualTo(ContainerStatus.CREATED);
        assertThat(f.inspect(exited).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.engine.list(ContainerFilter.ALL)).hasSize(3);
        f.engine.logs(running, LogOptions.ALL).close();

        f.runtime.makeUnavailable(null);
        f.engine.stop(running, 10, null);
        assertThat(f.inspect(running).state().exitCode()).isEqualTo(143);
        f.engine.start(created);
        f.engine.remove(created, true, false);
        f.engine.remove(exited, false, false);
        f.engine.remove(running, false, false);
        assertThat(f.runtime.list()).isEmpty();
        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();
    }

    @Test
    void aRemovalFailsWhenTheRuntimeCannotDeleteButAnAutoRemovalDoesNotKeepItsWaitersWaiting() throws Exception {
        f.runtime.failNextDelete();
        f.runtime.failNextDelete();
        String auto = f.engine.create(ContainerSpec.builder("busybox").cmd("exit", "0").autoRemove(true).build(),
                null).id();
        CompletableFuture<WaitResult> removed = f.engine.wait(auto, WaitCondition.REMOVED);

        f.engine.start(auto);

        assertThat(removed.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();

        String running = f.run("sleep");
        f.runtime.failNextDelete();
        f.runtime.failNextDelete();
        f.engine.stop(running, 10, null);
        Poll.until("the exit's failed delete", () -> f.runtime.calls().contains("delete " + running));
        assertThatThrownBy(() -> f.engine.remove(running, false, false)).isInstanceOf(BerthException.class)
                .hasMessageContaining("device or resource busy");
        assertThat(f.inspect(running).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.snapshots.isMounted(running)).as("root filesystem mounted again").isTrue();
        f.engine.remove(running, false, false);
        assertThat(f.runtime.process(running)).isNull();
        assertThat(f.snapshots.isMounted(running)).isFalse();
    }

    @Test
    void anInterruptedRemovalWaitsForTheServicesItNeedsAfterABoot() throws IOException {
        String id = f.run("exit", "0");
        f.awaitStatus(id, ContainerStatus.EXITED);
        f.engine.close();
        Path record = f.containerDir(id).resolve("container.json");
        Files.writeString(record, Files.readString(record).replace("\"EXITED\"", "\"REMOVING\""));
        f.snapshots.failRemovals(2);

        f.reopen();

        Poll.until("the removal finished", () -> f.engine.list(ContainerFilter.ALL).isEmpty());
        assertThat(f.containerDir(id)).doesNotExist();
        assertThat(f.snapshots.path(id)).isNull();
    }

    @Test
    void aContainerWhoseMonitorWasKilledIsStillRunningAndStopsWithAnUnknownExitCode() {
        String stopped = f.run("sleep");
        String removed = f.run("sleep");
        f.runtime.killMonitor(stopped);
        f.runtime.killMonitor(removed);

        assertThat(f.inspect(stopped).state().status()).isEqualTo(ContainerStatus.RUNNING);
        assertTimeoutPreemptively(NO_HANG, () -> {
            f.engine.stop(stopped, 60, null);
            f.engine.remove(removed, true, false);
        });

        ContainerInfo info = f.inspect(stopped);
        assertThat(info.state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(info.state().exitCode()).isEqualTo(Reconciler.UNKNOWN_EXIT_CODE);
        assertThat(info.state().error()).isEqualTo(ExitProbe.MONITOR_GONE);
        assertThat(f.engine.list(ContainerFilter.ALL)).extracting(ContainerInfo::id).containsExactly(stopped);
        Poll.until("the stopped container deleted from the runtime", () -> f.runtime.list().isEmpty());
        f.engine.remove(stopped, false, false);
    }

    @Test
    void aFullDiskFailsRecordWritesClearlyAndKeepsTheOldRecords() throws Exception {
        assumeTrue(ProcessUser.isRoot(), "mounting a small tmpfs needs root");
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("small")); EngineFixture g = new EngineFixture(disk.dir())) {
            Path small = disk.dir();
            String keeper = g.engine.create(ContainerSpec.builder("busybox").cmd("sleep").build(), "keeper").id();
            Path record = g.containerDir(keeper).resolve("container.json");
            String before = Files.readString(record);
            Path filler = fill(small);

            assertThatThrownBy(() -> g.engine.rename(keeper, "renamed")).isInstanceOf(BerthException.class)
                    .hasMessageContaining("cannot save container " + keeper)
                    .hasMessageContaining("No space left on device");
            assertThatThrownBy(() -> g.engine.create(ContainerSpec.builder("busybox").cmd("sleep").build(),
                    "newbie")).isInstanceOf(BerthException.class).hasMessageContaining("No space left on device");
            assertThatThrownBy(() -> g.engine.start(keeper)).isInstanceOf(RuntimeException.class);

            assertThat(Files.readString(record)).isEqualTo(before);
            assertThat(new ContainerStore(g.state().resolve("containers")).loadAll()).hasSize(1);
            assertThat(entries(g.containerDir(keeper))).noneMatch(name -> name.startsWith("."));
            ContainerInfo kept = g.inspect(keeper);
            assertThat(kept.name()).isEqualTo("keeper");
            assertThat(kept.state().status()).as("what the disk says").isEqualTo(ContainerStatus.CREATED);
            assertThat(g.runtime.list()).isEmpty();

            Files.delete(filler);
            g.engine.rename(keeper, "renamed");
            g.engine.start(keeper);
            g.engine.stop(keeper, 10, null);
            assertThat(g.engine.create(ContainerSpec.builder("busybox").cmd("sleep").build(), "newbie").id())
                    .isNotEmpty();
            g.reopen();
            assertThat(g.engine.list(ContainerFilter.ALL)).extracting(ContainerInfo::name)
                    .containsExactlyInAnyOrder("renamed", "newbie");
            assertThat(g.inspect("renamed").state().exitCode()).isEqualTo(143);
        }
    }

    @Test
    void anExitThatCannotBePersistedIsKnownAndRecordedAgainAtTheNextStart() throws Exception {
        assumeTrue(ProcessUser.isRoot(), "mounting a small tmpfs needs root");
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("small")); EngineFixture g = new EngineFixture(disk.dir())) {
            Path small = disk.dir();
            String id = g.run("sleep");
            Path record = g.containerDir(id).resolve("container.json");
            Path spare = Files.write(small.resolve("spare"), new byte[4096]);
            Path filler = fill(small);
            Files.delete(spare); // room for the exit file, none for the record

            g.runtime.exit(id, 7);

            g.awaitStatus(id, ContainerStatus.EXITED);
            assertThat(g.inspect(id).state().exitCode()).isEqualTo(7);
            assertThat(Files.readString(record)).as("the disk still says").contains("\"RUNNING\"");
            assertThat(g.settings().exitsDir().resolve(id)).as("kept for the next start").exists();

            Files.delete(filler);
            g.reopen();
            assertThat(g.inspect(id).state().exitCode()).isEqualTo(7);
            assertThat(Files.readString(record)).contains("\"EXITED\"");
            Poll.until("the exit file deleted", () -> !Files.exists(g.settings().exitsDir().resolve(id)));
        }
    }

    /** A 256 KiB tmpfs to fill up, unmounted when closed. */
    private record SmallDisk(Path dir) implements AutoCloseable {

        static SmallDisk mount(Path dir) throws IOException, InterruptedException {
            exec("mount", "-t", "tmpfs", "-o", "size=256k", "berth-full-disk-test",
                    Files.createDirectories(dir).toString());
            return new SmallDisk(dir);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            exec("umount", "-l", dir.toString());
        }
    }

    /** Writes a file until the file system is full; returns it. */
    private static Path fill(Path dir) throws IOException {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
        return filler;
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
