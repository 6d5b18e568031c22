package io.berth.runtime.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.RuntimeStatus;

/** delete: refusals, force, and what remains afterwards. */
class MockRuntimeDeleteTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
    }

    @Test
    void aRunningContainerIsNotDeletedWithoutForce() {
        fx.run("s", "sleep", "10");
        assertThatThrownBy(() -> fx.runtime.delete("s", false))
                .isInstanceOf(ConflictException.class).hasMessage("cannot delete running container");
        assertThat(fx.status("s")).isEqualTo(RuntimeStatus.RUNNING);
        fx.runtime.pause("s");
        assertThatThrownBy(() -> fx.runtime.delete("s", false)).isInstanceOf(ConflictException.class);
    }

    @Test
    void forceKillsWithSigkillFirstAndRemovesAllState() {
        fx.run("s", "sleep", "10");
        fx.runtime.delete("s", true);
        assertThat(fx.exitCode("s")).isEqualTo(137);
        assertGone("s");
        fx.clock.advanceSeconds(20);
        assertThat(fx.exitCode("s")).isEqualTo(137);
    }

    @Test
    void aStoppedContainerIsDeletedAndItsLogAndExitFileStay() {
        fx.run("e", "echo", "bye");
        fx.runtime.delete("e", false);
        assertGone("e");
        assertThat(fx.stdout("e")).containsExactly("bye");
        assertThat(fx.exitCode("e")).isZero();
    }

    @Test
    void aCreatedContainerIsDeletedQuietlyWithoutForce() {
        fx.create("c", "echo", "never");
        fx.runtime.delete("c", false);
        assertGone("c");
        assertThat(fx.exitCode("c")).isNull();
    }

    @Test
    void deleteIsIdempotent() {
        fx.run("e", "true");
        fx.runtime.delete("e", false);
        fx.runtime.delete("e", false);
        fx.runtime.delete("e", true);
        assertGone("e");
    }

    @Test
    void anIdCanBeReusedAfterDelete() {
        fx.run("e", "echo", "one");
        fx.runtime.delete("e", false);
        fx.run("e", "echo", "two");
        assertThat(fx.stdout("e")).containsExactly("one", "two");
    }

    private void assertGone(String id) {
        assertThat(fx.runtime.list()).doesNotContain(id);
        assertThat(fx.stateDir().resolve(id + ".json")).doesNotExist();
        assertThatThrownBy(() -> fx.runtime.state(id)).isInstanceOf(NotFoundException.class);
    }
}
