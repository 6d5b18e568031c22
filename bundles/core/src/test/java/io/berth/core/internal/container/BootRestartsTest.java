package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.RestartPolicy;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.store.Json;
import io.berth.core.internal.testing.Poll;

class BootRestartsTest extends EngineTest {

    @Test
    void alwaysContainersStartWithTheEngineEvenAfterAUsersStop() {
        String always = create(RestartPolicy.Mode.ALWAYS);
        String unlessStopped = create(RestartPolicy.Mode.UNLESS_STOPPED);
        String no = create(RestartPolicy.Mode.NO);
        String neverStarted = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep")
                .restartPolicy(new RestartPolicy(RestartPolicy.Mode.ALWAYS, 0)).build(), null).id();
        for (String id : new String[] {always, unlessStopped, no}) {
            f.engine.start(id);
            f.engine.stop(id, null, null);
        }

        f.reopen();

        Poll.until("always restarted", () -> f.inspect(always).state().status() == ContainerStatus.RUNNING);
        assertThat(f.inspect(unlessStopped).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.inspect(no).state().status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(f.inspect(neverStarted).state().status()).isEqualTo(ContainerStatus.CREATED);
        Poll.until("start event", () -> f.actions(always).equals(List.of("create", "start", "kill", "die", "stop",
                "start")));
    }

    @Test
    void unlessStoppedContainersThatWereNotStoppedStart() throws IOException {
        String id = create(RestartPolicy.Mode.NO);
        f.engine.start(id);
        f.engine.stop(id, null, null);
        f.engine.close();
        Path record = f.containerDir(id).resolve("container.json");
        Files.writeString(record, Files.readString(record).replace("\"NO\"", "\"UNLESS_STOPPED\"")
                .replaceAll("\"manuallyStopped\" ?: ?true", "\"manuallyStopped\" : false"));

        f.reopen();

        Poll.until("unless-stopped restarted", () -> f.inspect(id).state().status() == ContainerStatus.RUNNING);
    }

    @Test
    void containersOfAnAbsentRuntimeStartWhenItComes() {
        String id = create(RestartPolicy.Mode.ALWAYS);
        f.engine.start(id);
        f.engine.stop(id, null, null);
        f.engine.close();
        f.runtimes.unregister("mock", f.runtime);

        f.reopen();
        assertThat(f.inspect(id).state().status()).isEqualTo(ContainerStatus.EXITED);
        f.runtimes.register("mock", f.runtime, "fake-runtime 1.0.1");

        Poll.until("started once its runtime came", () -> f.inspect(id).state().status() == ContainerStatus.RUNNING);
    }

    @Test
    void onlyExitedContainersThatRanBeforeQualify() throws IOException {
        String always = create(RestartPolicy.Mode.ALWAYS);
        assertThat(BootRestarts.applies(record(always))).isFalse();
        f.engine.start(always);
        assertThat(BootRestarts.applies(record(always))).isFalse();
        f.engine.stop(always, null, null);
        assertThat(BootRestarts.applies(record(always))).isTrue();

        String unlessStopped = create(RestartPolicy.Mode.UNLESS_STOPPED);
        f.engine.start(unlessStopped);
        f.engine.stop(unlessStopped, null, null);
        assertThat(BootRestarts.applies(record(unlessStopped))).isFalse();
        assertThat(BootRestarts.applies(record(unlessStopped).withManuallyStopped(false))).isTrue();

        String onFailure = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep")
                .restartPolicy(new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 1)).build(), null).id();
        f.engine.start(onFailure);
        f.engine.stop(onFailure, null, null);
        assertThat(BootRestarts.applies(record(onFailure).withManuallyStopped(false))).isFalse();
    }

    private ContainerRecord record(String id) throws IOException {
        return Json.mapper().readValue(f.containerDir(id).resolve("container.json").toFile(), ContainerRecord.class);
    }

    private String create(RestartPolicy.Mode mode) {
        return f.engine.create(ContainerSpec.builder("busybox").cmd("sleep")
                .restartPolicy(new RestartPolicy(mode, 0)).build(), null).id();
    }
}
