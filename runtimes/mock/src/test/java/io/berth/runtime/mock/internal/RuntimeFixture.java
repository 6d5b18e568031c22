package io.berth.runtime.mock.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeStatus;

/**
 * A mock runtime on a temp directory with the virtual clock: bundles, logs and exit files live under
 * {@code root/containers/<id>/}, exec sessions under {@code root/containers/<id>/exec/<execId>/}, the runtime
 * state under {@code root/state}.
 */
final class RuntimeFixture {

    final Path root;
    final ManualScheduler clock;
    MockRuntime runtime;

    RuntimeFixture(Path root) {
        this(root, new ManualScheduler());
    }

    RuntimeFixture(Path root, ManualScheduler clock) {
        this.root = root;
        this.clock = clock;
        this.runtime = new MockRuntime(stateDir(), clock, "1.0");
    }

    Path stateDir() {
        return root.resolve("state");
    }

    /** Simulates a bundle stop and start (or a JVM restart): a new runtime instance on the same state. */
    MockRuntime restart() {
        runtime.deactivate();
        runtime = new MockRuntime(stateDir(), clock, "1.0");
        return runtime;
    }

    /** Creates a container running {@code args} with default env and cwd. */
    void create(String id, String... args) {
        create(id, false, false, args);
    }

    /** Creates a container running {@code args} whose stdin stays open for {@code openStdin}. */
    void createWithStdin(String id, String... args) {
        create(id, false, true, args);
    }

    void create(String id, boolean terminal, boolean openStdin, String... args) {
        Path bundle = bundle(id, List.of(args), List.of("PATH=/bin", "HOME=/root"), "/", false);
        runtime.create(request(id, bundle, terminal, openStdin));
    }

    /** Creates and starts, then lets the process run as far as it can at the current instant. */
    void run(String id, String... args) {
        create(id, args);
        runtime.start(id);
        clock.runDue();
    }

    RuntimeCreateRequest request(String id, Path bundle, boolean terminal, boolean openStdin) {
        Path dir = root.resolve("containers").resolve(id);
        return new RuntimeCreateRequest(id, bundle, dir.resolve("ctr.log"), dir.resolve("exits"), terminal,
                openStdin);
    }

    Path bundle(String id, List<String> args, List<String> env, String cwd, boolean terminal) {
        return TestBundles.bundle(root, id, args, env, cwd, terminal);
    }

    Path logPath(String id) {
        return root.resolve("containers").resolve(id).resolve("ctr.log");
    }

    Path exitFile(String id) {
        return root.resolve("containers").resolve(id).resolve("exits").resolve(id);
    }

    List<LogLine> log(String id) {
        return LogLine.readAll(logPath(id));
    }

    List<String> stdout(String id) {
        return log(id).stream().filter(line -> line.stream().equals("stdout")).map(LogLine::text).toList();
    }

    /** The exit code in the exit file, or {@code null} while there is none. */
    Integer exitCode(String id) {
        return readExitCode(exitFile(id));
    }

    private static Integer readExitCode(Path file) {
        try {
            return Files.exists(file) ? Integer.valueOf(Files.readString(file)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RuntimeStatus status(String id) {
        return runtime.state(id).status();
    }

    /** Starts exec session {@code execId} running {@code args} with env {@code PATH=/bin} and cwd {@code /}. */
    void exec(String id, String execId, String... args) {
        runtime.exec(id, execRequest(id, execId, false, false, List.of("PATH=/bin"), "/", args));
    }

    /** Starts an exec session whose stdin stays open for {@code openExecStdin}. */
    void execWithStdin(String id, String execId, String... args) {
        runtime.exec(id, execRequest(id, execId, false, true, List.of("PATH=/bin"), "/", args));
    }

    RuntimeExecRequest execRequest(String id, String execId, boolean terminal, boolean openStdin, List<String> env,
            String cwd, String... args) {
        Path session = sessionDir(id, execId);
        return new RuntimeExecRequest(execId, List.of(args), env, cwd, 0, 0, terminal, openStdin, session,
                session.resolve("exec.log"), session.resolve("exits"));
    }

    Path sessionDir(String id, String execId) {
        return root.resolve("containers").resolve(id).resolve("exec").resolve(execId);
    }

    Path execExitFile(String id, String execId) {
        return sessionDir(id, execId).resolve("exits").resolve(id);
    }

    List<LogLine> execLog(String id, String execId) {
        return LogLine.readAll(sessionDir(id, execId).resolve("exec.log"));
    }

    List<String> execStdout(String id, String execId) {
        return execLog(id, execId).stream().filter(line -> line.stream().equals("stdout")).map(LogLine::text)
                .toList();
    }

    /** The exit code in the session's exit file, or {@code null} while there is none. */
    Integer execExitCode(String id, String execId) {
        return readExitCode(execExitFile(id, execId));
    }
}
