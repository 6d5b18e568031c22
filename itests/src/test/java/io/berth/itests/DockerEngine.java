package io.berth.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;

/**
 * The built distribution as a process (root, runc by default) with private ports and state, driven by the real
 * docker CLI over its own socket, with the busybox image of {@link BusyboxFixture} imported. Closing stops it and
 * deletes its state, unless something is still mounted below it (then it is left for a look).
 */
final class DockerEngine implements AutoCloseable {

    final KarafProcess karaf;
    final DockerCli docker;
    final Path state;

    private DockerEngine(KarafProcess karaf, DockerCli docker, Path state) {
        this.karaf = karaf;
        this.docker = docker;
        this.state = state;
    }

    /**
     * Unpacks the distribution under {@code target/it/<name>-<run>}, starts it, waits for the API and imports
     * busybox as {@code busyboxTag}.
     */
    static DockerEngine start(String name, String busyboxTag) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), name + "-" + run);
        Path state = Path.of("/tmp/berth-it-" + run);
        KarafProcess karaf = KarafProcess.unpack(Path.of(System.getProperty("berth.dist")), dir, state, "runc");
        DockerCli docker = new DockerCli(karaf.dockerSocket(), Files.createDirectories(state.resolve("docker-config")));
        Path busybox = Files.write(state.resolve("busybox.tar"), BusyboxFixture.tarball());
        karaf.start();
        docker.awaitDaemon(Duration.ofSeconds(120));
        docker.ok("import", busybox.toString(), busyboxTag);
        return new DockerEngine(karaf, docker, state);
    }

    @Override
    public void close() throws Exception {
        karaf.close();
        if (Files.readString(Path.of("/proc/self/mountinfo")).contains(state.toString())) {
            System.err.println("leaving " + state + ": something is still mounted below it");
            return;
        }
        try (var paths = Files.walk(state)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
