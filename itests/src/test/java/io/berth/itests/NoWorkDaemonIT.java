package io.berth.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks' {@link NoWorkDaemon} serves the real docker CLI's {@code run --rm} to its end (so that the CLI's
 * floor is a whole run), fifty times in a row on fresh connections, and answers what it does not serve with
 * Docker's JSON error.
 */
class NoWorkDaemonIT {

    @TempDir
    Path dir;

    @Test
    void theDockerCliRunsToItsEndAgainstIt() throws Exception {
        if (!DockerCli.available()) {
            RootRequirement.failInCiOrSkip("the docker CLI is missing");
        }
        Path socket = dir.resolve("no-work.sock");
        DockerCli docker = new DockerCli(socket, Files.createDirectories(dir.resolve("config")));
        try (NoWorkDaemon daemon = NoWorkDaemon.listen(socket)) {
            for (int i = 0; i < 50; i++) {
                DockerCli.Result run = docker.run("run", "--rm", "busybox", "true");
                assertEquals(0, run.exit(), i + ": " + run.err());
            }
            DockerCli.Result stop = docker.run("stop", "anything");
            assertEquals(1, stop.exit());
            assertTrue(stop.err().contains("not served by the no-work daemon"), stop.err());
        }
    }
}
