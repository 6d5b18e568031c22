package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.berth.api.error.BerthException;

/**
 * Runs one runtime binary against its private state root: {@code <binary> --root <stateRoot> [global args]
 * <subcommand> ...}. Output goes to temporary files rather than pipes, so a grandchild that keeps a
 * descriptor open can never block a call. Processes are started through {@link Programs}. Thread-safe; calls
 * block up to the timeout.
 */
final class RuntimeCli {

    private final String name;
    private final Path binary;
    private final Path stateRoot;
    private final List<String> globalArgs;
    private final Duration timeout;
    private final Programs programs;

    /** A CLI whose processes are started through {@link ProcessBuilder}. */
    RuntimeCli(String name, Path binary, Path stateRoot, List<String> globalArgs, Duration timeout) {
        this(name, binary, stateRoot, globalArgs, timeout, Programs.JDK);
    }

    RuntimeCli(String name, Path binary, Path stateRoot, List<String> globalArgs, Duration timeout,
            Programs programs) {
        this.name = name;
        this.binary = binary;
        this.stateRoot = stateRoot;
        this.globalArgs = List.copyOf(globalArgs);
        this.timeout = timeout;
        this.programs = programs;
    }

    Path binary() {
        return binary;
    }

    Path stateRoot() {
        return stateRoot;
    }

    /** The arguments every invocation starts with after the binary: {@code --root} and the global ones. */
    List<String> rootArgs() {
        List<String> args = new ArrayList<>(List.of("--root", stateRoot.toString()));
        args.addAll(globalArgs);
        return args;
    }

    /** Runs a subcommand and returns whatever happened; fails only when it cannot run or times out. */
    CliResult run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(rootArgs());
        command.addAll(List.of(args));
        return execute(command, args[0]);
    }

    /**
     * Runs a subcommand about container {@code id} and returns its stdout; a non-zero exit becomes the
     * matching error (see {@link CliErrors}).
     */
    String check(String id, String... args) {
        CliResult result = run(args);
        if (!result.succeeded()) {
            boolean stateExists = id != null && Files.isDirectory(stateRoot.resolve(id));
            throw CliErrors.failure(name + " " + args[0], id, result.stderr(), stateExists);
        }
        return result.stdout();
    }

    private CliResult execute(List<String> command, String verb) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("berth-" + name, ".out");
            err = Files.createTempFile("berth-" + name, ".err");
            Process process = programs.start(command, out, err);
            awaitExit(process, verb);
            return new CliResult(process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new BerthException("cannot run " + binary + " " + verb + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private void awaitExit(Process process, String verb) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new BerthException(name + " " + verb + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BerthException("interrupted while waiting for " + name + " " + verb, e);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
