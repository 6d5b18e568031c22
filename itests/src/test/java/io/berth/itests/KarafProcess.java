package io.berth.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution run as a separate process, the way a user runs it ({@code bin/karaf server}), driven
 * through {@code bin/client}. State directories are private to the instance, so tests can kill and restart it
 * on the same data.
 */
final class KarafProcess {

    private static final String USER = "berth-it";
    private static final String PASSWORD = "it-" + Long.toHexString(System.nanoTime());

    private final Path home;
    private final Path state;
    private final int sshPort;
    private Process process;

    private KarafProcess(Path home, Path state, int sshPort) {
        this.home = home;
        this.state = state;
        this.sshPort = sshPort;
    }

    /**
     * Unpacks the distribution into {@code dir} and configures private ports, state dirs (under {@code state})
     * and a test user; containers run with {@code runtime} by default.
     */
    static KarafProcess unpack(Path dist, Path dir, Path state, String runtime)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        exec(List.of("tar", "-xzf", dist.toString(), "-C", dir.toString(), "--strip-components=1"), dir);
        KarafProcess karaf = new KarafProcess(dir, Files.createDirectories(state), freePort());
        karaf.configure(runtime);
        return karaf;
    }

    private void configure(String runtime) throws IOException {
        append("etc/users.properties", USER + " = " + PASSWORD + ",_g_:admingroup",
                "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
        replace("etc/org.apache.karaf.shell.cfg", "sshPort = 8101", "sshPort = " + sshPort);
        append("etc/io.berth.core.cfg", "root = " + state, "runDir = " + state.resolve("run"),
                "defaultRuntime = " + runtime, "cgroupParent = /berth-it");
        append("etc/io.berth.images.cfg", "root = " + state);
        append("etc/io.berth.runtime.mock.cfg", "stateDir = " + state.resolve("mock"));
        write("etc/io.berth.rest.cfg", "socket = " + dockerSocket(), "tcpPort = -1");
        for (String name : List.of("runc", "crun")) {
            replace("etc/io.berth.runtime." + name + ".cfg", "stateRoot = /run/berth/" + name,
                    "stateRoot = " + state.resolve("rt").resolve(name));
        }
    }

    /** Starts {@code bin/karaf server} in the background. */
    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bin/karaf", "server").directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        pb.environment().put("KARAF_EXEC", "exec");
        process = pb.start();
        awaitBerthCommands();
    }

    /** Starts {@code bin/karaf server} and returns at once (for timing the boot); see {@link #start()}. */
    void startWithoutWaiting() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bin/karaf", "server").directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        pb.environment().put("KARAF_EXEC", "exec");
        process = pb.start();
    }

    /** The pid of the Karaf JVM ({@code KARAF_EXEC=exec}: the script becomes the JVM). */
    long pid() {
        return process.pid();
    }

    /** Stops Karaf as {@code bin/stop} does and waits for the JVM to end. */
    void stopGracefully() throws IOException, InterruptedException {
        exec(List.of("bin/stop"), home);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    /**
     * Waits until the console answers {@code berth:info}: the SSH console can answer before Berth's bundles
     * and commands are up.
     */
    private void awaitBerthCommands() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (client("berth:info").contains("Default Runtime")) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Berth", e);
            }
        }
        throw new IOException("Berth's console commands did not appear within 120 s; see " + home.resolve("data/log"));
    }

    /**
     * Runs console commands through {@code bin/client} in batch mode (retrying the connection while Karaf
     * boots) and returns what they printed.
     */
    String client(String... commands) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bin/client", "-h", "127.0.0.1", "-a", Integer.toString(sshPort),
                "-u", USER, "-p", PASSWORD, "-r", "60", "-d", "1", "-b").directory(home.toFile())
                .redirectErrorStream(true);
        Process client = pb.start();
        client.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(120, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("client did not finish: " + output);
        }
        return output;
    }

    /** Kills the Karaf JVM with SIGKILL, as a crash would. */
    void kill9() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops Karaf if it still runs. */
    void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }

    Path home() {
        return home;
    }

    /** The console's SSH port on 127.0.0.1. */
    int sshPort() {
        return sshPort;
    }

    /**
     * The Docker API socket of this instance: under its state directory, or under /tmp when that path would
     * exceed the unix socket path limit.
     */
    Path dockerSocket() {
        Path socket = state.resolve("berth.sock");
        if (socket.toString().length() < 100) {
            return socket;
        }
        return Path.of("/tmp", "berth-it-" + Integer.toHexString(state.toString().hashCode()) + ".sock");
    }

    private void write(String file, String... lines) throws IOException {
        Files.writeString(home.resolve(file), "\n" + String.join("\n", lines) + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void append(String file, String... lines) throws IOException {
        Files.writeString(home.resolve(file), "\n" + String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = home.resolve(file);
        String content = Files.readString(path);
        if (!content.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(path, content.replace(from, to));
    }

    private static void exec(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + command);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends lines to a file under {@code etc/} (a later key overrides an earlier one), before the start. */
    void configure(String etcFile, String... lines) throws IOException {
        append("etc/" + etcFile, lines);
    }

    /** True while the Karaf JVM runs. */
    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits for the Karaf JVM to end by itself: its exit code, or -1 when it still runs after the timeout. */
    int awaitExit(java.time.Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        return process.exitValue();
    }

    /** What the Karaf JVM printed to its stdout and stderr, over every start. */
    String consoleOutput() throws IOException {
        Path console = home.resolve("console.out");
        return Files.exists(console) ? Files.readString(console) : "";
    }

    /** Karaf's log ({@code data/log/karaf.log}). */
    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
