package io.berth.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code docker} CLI pointed at a Berth socket ({@code DOCKER_HOST=unix://...}) with an empty private
 * {@code DOCKER_CONFIG}, so nothing of the user's docker setup takes part.
 */
final class DockerCli {

    /** What a command printed and how it exited. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private final Path socket;
    private final Path config;

    DockerCli(Path socket, Path config) {
        this.socket = socket;
        this.config = config;
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/local/bin/docker")) || Files.isExecutable(Path.of("/usr/bin/docker"));
    }

    /** Runs {@code docker args...} with no stdin, waiting up to two minutes. */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return execute(command, null);
    }

    /** Runs {@code docker args...} with the given text on stdin. */
    Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return execute(command, input);
    }

    /**
     * Runs {@code docker <dockerArgs>} in a pseudo-terminal made by {@code script}, typing what the shell
     * pipeline {@code typist} prints; the exit code is docker's.
     */
    Result runInTerminal(String typist, String dockerArgs) throws IOException, InterruptedException {
        return execute(List.of("sh", "-c", typist + " | script -qec 'docker " + dockerArgs + "' /dev/null"), null);
    }

    /** Runs the shell script {@code script} in a pseudo-terminal made by {@code script}, with no input. */
    Result runScriptInTerminal(Path script) throws IOException, InterruptedException {
        return execute(List.of("script", "-qec", "sh " + script, "/dev/null"), null);
    }

    private Result execute(List<String> command, String input) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (input == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        pb.environment().put("DOCKER_HOST", "unix://" + socket);
        pb.environment().put("DOCKER_CONFIG", config.toString());
        pb.environment().remove("DOCKER_API_VERSION");
        pb.environment().remove("DOCKER_CONTEXT");
        Process p = pb.start();
        if (input != null) {
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    /** Runs a command that must succeed; returns its standard output. */
    String ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exit() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " failed: " + r);
        }
        return r.out();
    }

    /** Waits until the daemon answers {@code docker version}. */
    void awaitDaemon(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Result last = null;
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(socket)) {
                last = run("version");
                if (last.exit() == 0) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("the Docker API did not come up on " + socket + ": " + last);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
