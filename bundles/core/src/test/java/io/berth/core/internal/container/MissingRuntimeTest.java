package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.system.RuntimeSummary;
import io.berth.core.internal.testing.EngineFixture;
import io.berth.core.internal.testing.FakeRuntime;

class MissingRuntimeTest {

    @TempDir
    Path tmp;

    private EngineFixture f;
    private final FakeRuntime other = new FakeRuntime("other");
    private String running;
    private String created;

    @BeforeEach
    void open() {
        f = new EngineFixture(tmp);
        f.runtimes.register("other", other, "other-runtime 2.0.0");
        running = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").runtime("other").build(), "ru").id();
        f.engine.start(running);
        created = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").runtime("other").build(), "cr").id();
        f.runtimes.unregister("other", other);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void operationsNeedingTheRuntimeAreUnavailableAndChangeNothing() throws IOException {
        byte[] runningRecord = record(running);
        byte[] createdRecord = record(created);

        List<Executable> operations = List.of(() -> f.engine.stop(running, null, null),
                () -> f.engine.kill(running, "TERM"), () -> f.engine.pause(running),
                () -> f.engine.restart(running, null), () -> f.engine.remove(running, true, false),
                () -> f.engine.start(created));
        for (Executable operation : operations) {
            assertThatThrownBy(operation::execute).isInstanceOf(UnavailableException.class)
                    .hasMessage("runtime other is not available");
        }

        assertThat(record(running)).isEqualTo(runningRecord);
        assertThat(record(created)).isEqualTo(createdRecord);
        assertThat(f.inspect(running).state().status()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(other.process(running).status).isEqualTo(io.berth.api.runtime.RuntimeStatus.RUNNING);
    }

    @Test
    void containersStayListedAndInfoNamesTheAbsentRuntime() {
        assertThat(f.engine.list(ContainerFilter.ALL)).extracting(c -> c.name()).containsExactlyInAnyOrder("ru", "cr");
        assertThat(f.engine.list(ContainerFilter.RUNNING)).extracting(c -> c.name()).containsExactly("ru");

        List<RuntimeSummary> runtimes = f.engine.systemService("test").info().runtimes();
        assertThat(runtimes).extracting(s -> s.info().name()).containsExactly("mock", "other");
        RuntimeSummary absent = runtimes.get(1);
        assertThat(absent.present()).isFalse();
        assertThat(absent.containers()).isEqualTo(2);
        assertThat(absent.info().ready()).isFalse();
        assertThat(absent.info().reason()).isEqualTo("runtime other is not available");
        assertThat(runtimes.get(0).present()).isTrue();
        assertThat(runtimes.get(0).bundle()).isEqualTo("fake-runtime 1.0.0");
    }

    @Test
    void aStoppedContainerCanStillBeRemoved() {
        f.engine.remove(created, false, false);

        assertThatThrownBy(() -> f.inspect(created)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRuntimeComingBackMakesEverythingWorkAgain() {
        f.runtimes.register("other", other, "other-runtime 2.0.1");

        f.engine.stop(running, null, null);

        assertThat(f.inspect(running).state().exitCode()).isEqualTo(143);
    }

    private byte[] record(String id) throws IOException {
        return Files.readAllBytes(f.containerDir(id).resolve("container.json"));
    }
}
