package io.berth.images.internal.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} (distribution 2.8) on 127.0.0.1 and a free port, with its storage in a test
 * directory: open, with htpasswd basic authentication, or with bearer tokens from a {@link TokenServer}.
 * Images are put into it with skopeo. Closing stops the process.
 */
public final class LocalRegistry implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;
    private final Path log;

    private LocalRegistry(Path dir, String authSection) throws IOException {
        this.dir = dir;
        this.port = freePort();
        Files.createDirectories(dir.resolve("storage"));
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\n"
                + "log:\n  level: warn\n  accesslog:\n    disabled: true\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage") + "\n"
                + "  delete:\n    enabled: true\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n"
                + authSection);
        this.log = dir.resolve("registry.log");
        this.process = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        awaitReady();
    }

    /** A registry anyone may pull from and push to. */
    public static LocalRegistry open(Path dir) throws IOException {
        return new LocalRegistry(dir, "");
    }

    /** A registry that wants basic credentials ({@code htpasswd -B}). */
    public static LocalRegistry withBasicAuth(Path dir, String user, String password) throws IOException {
        Files.createDirectories(dir);
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(htpasswd, Processes.run(List.of("htpasswd", "-Bbn", user, password)).strip() + "\n");
        return new LocalRegistry(dir, "auth:\n  htpasswd:\n    realm: berth-test\n    path: " + htpasswd + "\n");
    }

    /** A registry that trusts the bearer tokens of {@code tokens}. */
    public static LocalRegistry withTokens(Path dir, TokenServer tokens) throws IOException {
        return new LocalRegistry(dir, "auth:\n  token:\n    realm: " + tokens.realm() + "\n    service: "
                + TokenServer.SERVICE + "\n    issuer: " + TokenServer.ISSUER + "\n    rootcertbundle: "
                + tokens.certificate() + "\n");
    }

    /** {@code 127.0.0.1:<port>}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** Where the registry keeps a blob's bytes (to damage them in a test). */
    public Path blobData(String digest) {
        String hex = digest.substring("sha256:".length());
        return dir.resolve("storage/docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex)
                .resolve("data");
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL()
                        .openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException e) {
                sleep();
            }
        }
        close();
        throw new IOException("docker-registry did not answer within 30 s: " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : new ArrayList<>();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
