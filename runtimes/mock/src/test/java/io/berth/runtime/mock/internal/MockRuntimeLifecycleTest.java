package io.berth.runtime.mock.internal;

import static io.berth.api.runtime.RuntimeStatus.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeState;

/** Create, state, list, start and the errors of unknown or duplicate ids. */
class MockRuntimeLifecycleTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
    }

    @Test
    void infoDescribesTheMockRuntime() {
        RuntimeInfo info = fx.runtime.info();
        assertThat(info.name()).isEqualTo("mock");
        assertThat(info.version()).isEqualTo("1.0");
        assertThat(info.binary()).isEmpty();
        assertThat(info.ready()).isTrue();
        assertThat(info.features().namespaces()).isEmpty();
        assertThat(new MockRuntime(dir.resolve("other"), new ManualScheduler(), null).info().version())
                .isEqualTo("1.0");
    }

    @Test
    void createLeavesACreatedContainerWithAFakePidAndAnEmptyLog() {
        fx.create("c1", "echo", "hi");
        RuntimeState state = fx.runtime.state("c1");
        assertThat(state.status()).isEqualTo(CREATED);
        assertThat(state.pid()).isGreaterThanOrEqualTo(MockRuntime.FIRST_PID);
        assertThat(fx.logPath("c1")).exists().isEmptyFile();
        assertThat(fx.exitCode("c1")).isNull();
        assertThat(fx.stateDir().resolve("c1.json")).exists();
    }

    @Test
    void pidsAreUniqueAndStable() {
        fx.create("a", "true");
        fx.create("b", "true");
        int a = fx.runtime.state("a").pid();
        assertThat(fx.runtime.state("b").pid()).isNotEqualTo(a);
        fx.runtime.start("a");
        assertThat(fx.runtime.state("a").pid()).isEqualTo(a);
        fx.clock.runDue();
        assertThat(fx.runtime.state("a").pid()).as("no pid after exit").isZero();
    }

    @Test
    void listReturnsEveryIdSorted() {
        fx.create("b", "true");
        fx.create("a", "true");
        fx.run("c", "true");
        assertThat(fx.runtime.list()).containsExactly("a", "b", "c");
    }

    @Test
    void aDuplicateIdIsAConflict() {
        fx.create("c1", "true");
        assertThatThrownBy(() -> fx.create("c1", "true"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("container with id exists: c1");
    }

    @Test
    void anUnknownExecutableFailsCreateAndLeavesNothing() {
        assertThatThrownBy(() -> fx.create("c1", "/usr/bin/python3", "-V"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("exec: \"/usr/bin/python3\": executable file not found in $PATH");
        assertNothingRemainsOf("c1");
    }

    @Test
    void aMalformedBundleFailsCreateAndLeavesNothing() {
        Path bundle = TestBundles.withContent(dir, "c1", "{ \"process\": ");
        assertThatThrownBy(() -> fx.runtime.create(fx.request("c1", bundle, false, false)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> fx.runtime.create(fx.request("c1", dir.resolve("nothing"), false, false)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("no such file or directory");
        assertNothingRemainsOf("c1");
    }

    @Test
    void anIdThatIsNoFileNameIsInvalid() {
        for (String id : List.of("", "../x", ".hidden", "a/b")) {
            Path bundle = TestBundles.bundle(dir, "x", List.of("true"), List.of(), "/", false);
            RuntimeCreateRequest request = new RuntimeCreateRequest(id, bundle, dir.resolve("x.log"),
                    dir.resolve("exits"), false, false);
            assertThatThrownBy(() -> fx.runtime.create(request))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("invalid container id: " + id);
        }
    }

    @Test
    void aRequestWithoutPathsIsInvalid() {
        Path bundle = TestBundles.bundle(dir, "x", List.of("true"), List.of(), "/", false);
        RuntimeCreateRequest request = new RuntimeCreateRequest("x", bundle, null, dir.resolve("exits"), false, false);
        assertThatThrownBy(() -> fx.runtime.create(request)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("a bundle, a log path and an exit directory are required");
    }

    @Test
    void startTwiceIsAConflict() {
        fx.create("s", "sleep", "5");
        fx.runtime.start("s");
        assertThatThrownBy(() -> fx.runtime.start("s")).isInstanceOf(ConflictException.class)
                .hasMessage("cannot start an already running container");
        fx.clock.advanceSeconds(5);
        assertThatThrownBy(() -> fx.runtime.start("s")).isInstanceOf(ConflictException.class)
                .hasMessage("cannot start a container that has stopped");
    }

    @Test
    void unknownIdsAreNotFound() {
        String message = "container nope does not exist";
        assertThatThrownBy(() -> fx.runtime.state("nope")).isInstanceOf(NotFoundException.class).hasMessage(message);
        assertThatThrownBy(() -> fx.runtime.start("nope")).isInstanceOf(NotFoundException.class).hasMessage(message);
        assertThatThrownBy(() -> fx.runtime.kill("nope", 15, false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.runtime.pause("nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.runtime.resume("nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.runtime.openStdin("nope")).isInstanceOf(NotFoundException.class);
        fx.runtime.delete("nope", false);
        fx.runtime.delete("nope", true);
    }

    private void assertNothingRemainsOf(String id) {
        assertThat(fx.runtime.list()).doesNotContain(id);
        assertThat(fx.stateDir().resolve(id + ".json")).doesNotExist();
        assertThat(fx.logPath(id)).doesNotExist();
        assertThatThrownBy(() -> fx.runtime.state(id)).isInstanceOf(NotFoundException.class);
        assertThat(Files.exists(fx.exitFile(id))).isFalse();
    }
}
