package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.runtime.RuntimeCreateRequest;

/**
 * Creates a container through conmon: conmon runs the runtime's {@code create} and reports the outcome on
 * the sync file; then the container's loopback interface is made sure to be up. On failure nothing of the
 * container remains in the runtime. Called with the container's lock held by the engine.
 */
final class ContainerCreator {

    private final String runtimeName;
    private final Toolchain toolchain;
    private final ConmonLauncher launcher;
    private final Loopback loopback;

    ContainerCreator(String runtimeName, Toolchain toolchain, ConmonLauncher launcher, Loopback loopback) {
        this.runtimeName = runtimeName;
        this.toolchain = toolchain;
        this.launcher = launcher;
        this.loopback = loopback;
    }

    void create(RuntimeCreateRequest request) {
        String id = ContainerIds.check(request.id());
        if (Files.isDirectory(toolchain.cli().stateRoot().resolve(id))) {
            throw new ConflictException(runtimeName + " already has a container " + id);
        }
        JsonNode config = config(request.bundle());
        prepare(request);
        SyncMessage outcome;
        try {
            outcome = launcher.launch(new ConmonCommand(toolchain).forCreate(request), request.bundle(),
                    MonitorCgroups.cgroupFor(config));
        } catch (RuntimeException e) {
            abandon(request);
            throw e;
        }
        if (outcome.failed()) {
            // conmon has exited after reporting; the runtime may still hold a half-created container
            toolchain.cli().run("delete", "-f", id);
            throw StartFailure.of("create", runtimeName, executable(config), outcome.message());
        }
        try {
            loopback.ensureUp(id, config, outcome.data());
        } catch (RuntimeException e) {
            abandon(request);
            throw e;
        }
    }

    /** Stops the monitor first (so it records no exit), then removes the container from the runtime. */
    private void abandon(RuntimeCreateRequest request) {
        ConmonLauncher.killMonitor(request.bundle());
        toolchain.cli().run("delete", "-f", request.id());
    }

    /** The bundle's config.json, read before conmon runs so that a broken one fails early and clearly. */
    static JsonNode config(Path bundle) {
        Path file = bundle.resolve("config.json");
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidArgumentException("cannot read the OCI config " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Directories conmon writes into must exist; an exit file of an earlier run must not. */
    private static void prepare(RuntimeCreateRequest request) {
        try {
            Files.createDirectories(request.exitDir());
            Files.createDirectories(request.logPath().toAbsolutePath().getParent());
            Files.deleteIfExists(request.exitDir().resolve(request.id()));
        } catch (IOException e) {
            throw new BerthException("cannot prepare the directories of container " + request.id() + ": " + e, e);
        }
    }

    /** The program the container was to run (process.args[0]), for Docker's wording of exec failures. */
    static String executable(JsonNode config) {
        JsonNode args = config.at("/process/args");
        return args.isArray() && args.size() > 0 ? args.get(0).asText() : null;
    }
}
