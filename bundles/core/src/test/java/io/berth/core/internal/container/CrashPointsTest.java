package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.core.internal.faults.CrashPoints;
import io.berth.core.internal.faults.CrashPoints.Point;
import io.berth.core.internal.store.ContainerStore;
import io.berth.core.internal.testing.Poll;

/**
 * A crash at every crash point, simulated: the armed engine's thread that reaches the point freezes there for
 * good (holding what it holds, the container's lock included, as a dead JVM would), and a new engine opens on
 * the same state and the same fake runtime. Each operation must be complete or rolled back, nothing of a
 * removed container may stay in the runtime or the snapshots, every record must be readable, and the
 * container must stay manageable. The distribution test FaultInjectionIT does the same with real halts and runc.
 */
class CrashPointsTest extends EngineTest {

    private static final String NAME = "victim";

    private final CompletableFuture<Point> crashed = new CompletableFuture<>();
    private final ExecutorService operations = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "crash-test-operation");
        thread.setDaemon(true);
        return thread;
    });

    /** What a restarted engine must show of the container after a crash at a point. */
    private record Outcome(ContainerStatus status, int exitCode) {
        static final Outcome GONE = new Outcome(null, 0);
    }

    @AfterEach
    void stopOperations() {
        operations.shutdown();
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void aCrashAtAnyPointLeavesEveryOperationDoneOrUndone(Point point) throws Exception {
        String id = setUp(point);
        f.crashes = CrashPoints.armed(point, this::freeze);
        f.reopen();

        operations.execute(() -> trigger(point, id));
        assertThat(crashed.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(point);
        f.restartAfterCrash();

        Outcome expected = outcome(point);
        ContainerInfo found = find();
        if (expected == Outcome.GONE) {
            assertThat(found).as("container after a crash at " + point).isNull();
        } else {
            assertThat(found).as("container after a crash at " + point).isNotNull();
            assertThat(found.state().status()).isEqualTo(expected.status());
            if (expected.status() == ContainerStatus.EXITED) {
                assertThat(found.state().exitCode()).isEqualTo(expected.exitCode());
            }
            if (expected.status() == ContainerStatus.RUNNING) {
                assertThat(found.state().startedAt()).isNotNull();
                assertThat(found.state().pid()).isEqualTo(f.runtime.process(found.id()).pid);
            }
        }
        assertConsistent();
        manage(found);
        assertThat(f.engine.list(ContainerFilter.ALL)).isEmpty();
        assertConsistent();
        assertThat(f.runtime.list()).isEmpty();
        assertThat(entries(tmp.resolve("snapshots"))).isEmpty();
    }

    /** The container the operation under test starts from; null for a create. */
    private String setUp(Point point) {
        return switch (operation(point)) {
            case "create" -> null;
            case "start" -> create();
            default -> {
                String id = create();
                f.engine.start(id);
                yield id;
            }
        };
    }

    private void trigger(Point point, String id) {
        switch (operation(point)) {
            case "create" -> create();
            case "start" -> f.engine.start(id);
            case "stop" -> f.engine.stop(id, 10, null);
            default -> f.engine.remove(id, true, false);
        }
    }

    private static String operation(Point point) {
        return switch (point) {
            case RECORD_BEFORE_RENAME, CREATE_AFTER_RECORD_WRITE -> "create";
            case START_AFTER_SNAPSHOT_PREPARE, START_AFTER_BUNDLE_WRITE, START_AFTER_RUNTIME_CREATE,
                    START_AFTER_RUNTIME_START, START_AFTER_RECORD_WRITE -> "start";
            case STOP_AFTER_STOP_MARK, STOP_AFTER_SIGNAL, EXIT_AFTER_RECORD_WRITE, EXIT_AFTER_RUNTIME_DELETE -> "stop";
            default -> "remove";
        };
    }

    private static Outcome outcome(Point point) {
        return switch (point) {
            case RECORD_BEFORE_RENAME, REMOVE_AFTER_RUNTIME_DELETE, REMOVE_AFTER_REMOVING_MARK,
                    REMOVE_AFTER_SNAPSHOT_REMOVE, REMOVE_AFTER_DIR_DELETE -> Outcome.GONE;
            case CREATE_AFTER_RECORD_WRITE, START_AFTER_SNAPSHOT_PREPARE, START_AFTER_BUNDLE_WRITE,
                    START_AFTER_RUNTIME_CREATE -> new Outcome(ContainerStatus.CREATED, 0);
            case START_AFTER_RUNTIME_START, START_AFTER_RECORD_WRITE, STOP_AFTER_STOP_MARK ->
                    new Outcome(ContainerStatus.RUNNING, 0);
            case STOP_AFTER_SIGNAL, EXIT_AFTER_RECORD_WRITE, EXIT_AFTER_RUNTIME_DELETE ->
                    new Outcome(ContainerStatus.EXITED, 143);
            case REMOVE_AFTER_KILL -> new Outcome(ContainerStatus.EXITED, 137);
        };
    }

    /** The armed engine's reaction: this thread stops for good, as the JVM would. */
    private void freeze(Point point) {
        crashed.complete(point);
        while (true) {
            LockSupport.park(this);
        }
    }

    private String create() {
        return f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").build(), NAME).id();
    }

    private ContainerInfo find() {
        return f.engine.list(ContainerFilter.ALL).stream().filter(c -> c.name().equals(NAME)).findFirst()
                .orElse(null);
    }

    /** The container (if any) can be started, stopped and removed, and its name used again. */
    private void manage(ContainerInfo found) {
        if (found != null) {
            if (found.state().status() != ContainerStatus.RUNNING) {
                f.engine.start(found.id());
            }
            f.engine.stop(found.id(), 10, null);
            assertThat(f.inspect(found.id()).state().exitCode()).isEqualTo(143);
            f.engine.remove(found.id(), false, false);
        }
        f.engine.remove(create(), false, false);
    }

    /**
     * Every container directory holds one readable record and nothing half-written; the runtime holds only
     * running containers; snapshots and exit files belong to containers the engine lists.
     */
    private void assertConsistent() throws IOException {
        Path containers = f.state().resolve("containers");
        Poll.until("the directories of removals deleted (after the answer, beside)",
                () -> entries(containers).stream().noneMatch(name -> name.startsWith(".removed-")));
        List<ContainerInfo> listed = f.engine.list(ContainerFilter.ALL);
        Set<String> ids = listed.stream().map(ContainerInfo::id).collect(Collectors.toSet());
        Set<String> running = listed.stream().filter(c -> c.state().status() == ContainerStatus.RUNNING)
                .map(ContainerInfo::id).collect(Collectors.toSet());
        assertThat(entries(containers)).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(entries(containers.resolve(id))).noneMatch(name -> name.startsWith("."));
        }
        assertThat(new ContainerStore(containers).loadAll()).hasSize(ids.size());
        assertThat(f.runtime.list()).allMatch(running::contains);
        assertThat(entries(tmp.resolve("snapshots"))).allMatch(ids::contains);
        Poll.until("exit files of stopped containers deleted",
                () -> entries(f.settings().exitsDir()).stream().allMatch(running::contains));
    }

    private static List<String> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
