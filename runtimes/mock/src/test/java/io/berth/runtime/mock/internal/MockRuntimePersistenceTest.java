package io.berth.runtime.mock.internal;

import static io.berth.api.runtime.RuntimeStatus.CREATED;
import static io.berth.api.runtime.RuntimeStatus.PAUSED;
import static io.berth.api.runtime.RuntimeStatus.RUNNING;
import static io.berth.api.runtime.RuntimeStatus.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.error.ConflictException;

/**
 * Containers survive the runtime: a new instance on the same state directory (a bundle restart or a JVM
 * restart) continues them, and time that passed while no instance was active counts.
 */
class MockRuntimePersistenceTest {

    @TempDir
    Path dir;

    private RuntimeFixture fx;

    @BeforeEach
    void setUp() {
        fx = new RuntimeFixture(dir);
    }

    @Test
    void aSecondInstanceSeesEveryContainerInItsState() {
        fx.create("created", "echo", "x");
        fx.run("running", "sleep", "10");
        fx.run("stopped", "false");
        int pid = fx.runtime.state("running").pid();

        fx.restart();

        assertThat(fx.runtime.list()).containsExactly("created", "running", "stopped");
        assertThat(fx.status("created")).isEqualTo(CREATED);
        assertThat(fx.runtime.state("running").status()).isEqualTo(RUNNING);
        assertThat(fx.runtime.state("running").pid()).isEqualTo(pid);
        assertThat(fx.status("stopped")).isEqualTo(STOPPED);
        assertThat(fx.exitCode("stopped")).isEqualTo(1);
    }

    @Test
    void deactivationWritesNoExitsAndActivationWritesThoseThatFellDue() {
        fx.run("s", "sleep", "1");
        fx.runtime.deactivate();
        fx.clock.advanceSeconds(5);
        assertThat(fx.exitCode("s")).as("the container keeps running while the runtime is down").isNull();

        fx.runtime = new MockRuntime(fx.stateDir(), fx.clock, "1.0");

        assertThat(fx.exitCode("s")).isZero();
        assertThat(fx.status("s")).isEqualTo(STOPPED);
    }

    @Test
    void aScriptThatFinishedWhileDownGetsItsOutputAndItsOwnExitCode() {
        fx.run("s", "sh", "-c", "echo before; sleep 1; echo after; exit 5");
        fx.runtime.deactivate();
        fx.clock.advanceSeconds(30);
        fx.runtime = new MockRuntime(fx.stateDir(), fx.clock, "1.0");
        assertThat(fx.stdout("s")).containsExactly("before", "after");
        assertThat(fx.exitCode("s")).isEqualTo(5);
    }

    @Test
    void aSleepStillInProgressIsRescheduledForTheTimeLeft() {
        fx.run("s", "sleep", "10");
        fx.clock.advanceSeconds(3);
        fx.runtime.deactivate();
        fx.clock.advanceSeconds(1);
        fx.runtime = new MockRuntime(fx.stateDir(), fx.clock, "1.0");
        fx.clock.advanceSeconds(5.9);
        assertThat(fx.exitCode("s")).isNull();
        fx.clock.advanceSeconds(0.1);
        assertThat(fx.exitCode("s")).isZero();
    }

    @Test
    void aProcessStartedJustBeforeTheStopRunsOnActivation() {
        fx.create("e", "echo", "hi");
        fx.runtime.start("e");
        fx.restart();
        assertThat(fx.stdout("e")).containsExactly("hi");
        assertThat(fx.exitCode("e")).isZero();
    }

    @Test
    void aPausedContainerStaysPausedWithItsRemainingTimeAndPendingSignal() {
        fx.run("p", "sleep", "10");
        fx.run("q", "sleep", "10");
        fx.clock.advanceSeconds(4);
        fx.runtime.pause("p");
        fx.runtime.pause("q");
        fx.runtime.kill("q", 15, false);
        fx.restart();
        fx.clock.advanceSeconds(100);
        assertThat(fx.status("p")).isEqualTo(PAUSED);

        fx.runtime.resume("p");
        fx.runtime.resume("q");
        assertThat(fx.exitCode("q")).isEqualTo(143);
        fx.clock.advanceSeconds(5.9);
        assertThat(fx.exitCode("p")).isNull();
        fx.clock.advanceSeconds(0.1);
        assertThat(fx.exitCode("p")).isZero();
    }

    @Test
    void aRunningCatKeepsWaitingAfterARestartUntilKilled() {
        fx.createWithStdin("c", "cat");
        fx.runtime.start("c");
        fx.clock.runDue();
        fx.restart();
        fx.clock.advanceSeconds(1000);
        assertThat(fx.status("c")).isEqualTo(RUNNING);
        assertThatThrownBy(() -> fx.runtime.openStdin("c"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("the stdin of container c was lost when the mock runtime restarted");
        fx.runtime.kill("c", 15, false);
        assertThat(fx.exitCode("c")).isEqualTo(143);
    }

    @Test
    void aCreatedContainerKeepsItsStdinAcrossARestart() throws Exception {
        fx.createWithStdin("c", "cat");
        fx.restart();
        fx.runtime.openStdin("c").close();
        fx.runtime.start("c");
        fx.clock.runDue();
        assertThat(fx.exitCode("c")).isZero();
    }

    @Test
    void pidsStayUniqueAfterARestart() {
        fx.create("a", "true");
        int first = fx.runtime.state("a").pid();
        fx.restart();
        fx.create("b", "true");
        assertThat(fx.runtime.state("b").pid()).isGreaterThan(first);
    }

    @Test
    void theStateFileHoldsWhatIsNeededToContinue() throws Exception {
        fx.run("s", "sleep", "10");
        JsonNode state = Json.MAPPER.readTree(fx.stateDir().resolve("s.json").toFile());
        assertThat(state.at("/setup/id").asText()).isEqualTo("s");
        assertThat(state.at("/setup/logPath").asText()).isEqualTo(fx.logPath("s").toString());
        assertThat(state.at("/setup/exitDir").asText()).isEqualTo(fx.exitFile("s").getParent().toString());
        assertThat(state.at("/setup/process/args/1").asText()).isEqualTo("10");
        assertThat(state.at("/setup/pid").asInt()).isGreaterThanOrEqualTo(MockRuntime.FIRST_PID);
        assertThat(state.at("/status").asText()).isEqualTo("RUNNING");
        assertThat(state.at("/startedAt").asText()).isEqualTo(fx.clock.now().toString());
        assertThat(state.at("/progress/sleepDeadline").asText()).isEqualTo(fx.clock.now().plusSeconds(10).toString());
    }
}
