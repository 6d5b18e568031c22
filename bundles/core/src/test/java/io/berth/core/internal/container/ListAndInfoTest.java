package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.system.SystemInfo;
import io.berth.core.internal.testing.FakeImages;
import io.berth.core.internal.testing.Poll;

class ListAndInfoTest extends EngineTest {

    @Test
    void listsNewestFirstAndFilters() {
        String first = create("busybox", "first", Map.of("tier", "web"));
        String second = create("alpine", "second", Map.of("tier", "db"));
        String third = create("busybox", "third", Map.of());
        f.engine.start(third);

        assertThat(names(ContainerFilter.ALL)).containsExactly("third", "second", "first");
        assertThat(names(ContainerFilter.RUNNING)).containsExactly("third");
        assertThat(names(filter(Set.of(ContainerStatus.CREATED), null, null, null, null)))
                .containsExactly("second", "first");
        assertThat(names(filter(null, Set.of("fir", "/sec"), null, null, null))).containsExactly("second", "first");
        assertThat(names(filter(null, null, Set.of(second.substring(0, 10)), null, null))).containsExactly("second");
        assertThat(names(filter(null, null, null, Set.of("tier"), null))).containsExactly("second", "first");
        assertThat(names(filter(null, null, null, Set.of("tier=web"), null))).containsExactly("first");
        assertThat(names(filter(null, null, null, null, Set.of("busybox")))).containsExactly("third", "first");
        assertThat(names(filter(null, null, null, null, Set.of(FakeImages.ALPINE_ID)))).containsExactly("second");
        assertThat(names(filter(null, null, null, null, Set.of("aaaa")))).containsExactly("second");
        assertThat(names(filter(null, null, null, null, Set.of("unknown")))).isEmpty();
        assertThat(names(filter(null, Set.of("first"), null, Set.of("tier=db"), null))).isEmpty();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void inspectSplitsTheCommand() {
        String id = f.engine.create(ContainerSpec.builder("busybox").entrypoint(List.of("/bin/sh", "-c"))
                .cmd("echo hi").build(), null).id();

        ContainerInfo info = f.inspect(id);

        assertThat(info.path()).isEqualTo("/bin/sh");
        assertThat(info.args()).containsExactly("-c", "echo hi");
        assertThat(info.config().labels()).containsEntry("from", "image");
    }

    @Test
    void systemInfoCountsContainersAndImages() {
        f.run("sleep");
        String paused = f.run("sleep");
        f.engine.pause(paused);
        f.create("sleep");

        SystemInfo info = f.engine.systemService("1.2.3").info();

        assertThat(info.version()).isEqualTo("1.2.3");
        assertThat(info.rootDir()).isEqualTo(f.state());
        assertThat(info.runDir()).isEqualTo(f.state().resolve("run"));
        assertThat(info.defaultRuntime()).isEqualTo("mock");
        assertThat(info).extracting(SystemInfo::containers, SystemInfo::running, SystemInfo::paused,
                SystemInfo::stopped, SystemInfo::images).containsExactly(3, 1, 1, 1, 2);
        assertThat(info.runtimes()).singleElement().satisfies(runtime -> {
            assertThat(runtime.present()).isTrue();
            assertThat(runtime.containers()).isEqualTo(3);
            assertThat(runtime.info().ready()).isTrue();
        });
    }

    @Test
    void imageUsageNamesTheContainersOfAnImage() {
        String a = f.create("sleep");
        String b = f.create("sleep");
        create("alpine", "other", Map.of());

        assertThat(f.engine.imageUsage().containersUsing(FakeImages.BUSYBOX_ID)).containsExactlyInAnyOrder(a, b);
        assertThat(f.engine.imageUsage().containersUsing("sha256:none")).isEmpty();
    }

    @Test
    void logsOfAFinishedContainer() throws InterruptedException {
        String id = f.run("echo", "hello", "world");
        f.awaitStatus(id, ContainerStatus.EXITED);

        try (LogStream logs = f.engine.logs(id, LogOptions.ALL)) {
            LogEntry entry = logs.next();
            assertThat(entry.text()).isEqualTo("hello world");
            assertThat(entry.stream()).isEqualTo(LogEntry.Stream.STDOUT);
            assertThat(logs.next()).isNull();
        }
        assertThatThrownBy(() -> f.engine.logs(id, new LogOptions(false, null, null, -1, false, false, false)))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void followingLogsEndsWhenTheContainerExits() throws Exception {
        String id = f.run("sleep");
        f.runtime.log(id, LogEntry.Stream.STDOUT, "one");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        LogStream logs = f.engine.logs(id, new LogOptions(true, null, null, -1, false, true, true));
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
            try {
                LogEntry entry;
                while ((entry = logs.next()) != null) {
                    seen.add(entry.text());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Poll.until("first line", () -> seen.size() == 1);

        f.runtime.log(id, LogEntry.Stream.STDERR, "two");
        f.engine.stop(id, null, null);

        follower.get(Poll.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(seen).containsExactly("one", "two");
    }

    private String create(String image, String name, Map<String, String> labels) {
        return f.engine.create(ContainerSpec.builder(image).cmd("sleep").labels(labels).build(), name).id();
    }

    private List<String> names(ContainerFilter filter) {
        List<String> names = new ArrayList<>();
        f.engine.list(filter).forEach(info -> names.add(info.name()));
        return names;
    }

    private static ContainerFilter filter(Set<ContainerStatus> statuses, Set<String> names, Set<String> ids,
            Set<String> labels, Set<String> ancestors) {
        return new ContainerFilter(true, statuses, names, ids, labels, ancestors);
    }
}
