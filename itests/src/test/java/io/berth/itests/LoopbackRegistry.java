package io.berth.itests;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} on 127.0.0.1 and a free port (open, or with htpasswd basic authentication),
 * filled with {@code skopeo copy} from archives Berth saved. Closing stops it.
 */
final class LoopbackRegistry implements AutoCloseable {

    private final int port;
    private final Process process;

    private LoopbackRegistry(Path dir, String auth) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage") + "\n"
                + "http:\n  addr: " + host() + "\n" + auth);
        process = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile()).start();
        awaitReady();
    }

    static boolean available() {
        return List.of("docker-registry", "skopeo", "htpasswd").stream().allMatch(p ->
                Files.isExecutable(Path.of("/usr/bin", p)) || Files.isExecutable(Path.of("/usr/sbin", p)));
    }

    static LoopbackRegistry open(Path dir) throws IOException, InterruptedException {
        return new LoopbackRegistry(dir, "");
    }

    static LoopbackRegistry withBasicAuth(Path dir, String user, String password)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(htpasswd, run(List.of("htpasswd", "-Bbn", user, password)).strip() + "\n");
        return new LoopbackRegistry(dir, "auth:\n  htpasswd:\n    realm: berth-it\n    path: " + htpasswd + "\n");
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    /** {@code skopeo copy docker-archive:<archive> docker://<host>/<name>} over plain HTTP. */
    void push(Path dockerArchive, String name, String creds) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--quiet",
                "--dest-tls-verify=false"));
        if (creds != null) {
            command.addAll(List.of("--dest-creds", creds));
        }
        command.addAll(List.of("docker-archive:" + dockerArchive, "docker://" + host() + "/" + name));
        run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        return out;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL()
                        .openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode();
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IOException("docker-registry did not come up on " + host());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
