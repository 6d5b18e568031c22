package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.common.files.AtomicFiles;

/**
 * Starts one process in a running container through conmon's exec mode and returns as soon as it runs:
 * the engine watches {@code exitDir/<container id>} for its end. The session directory receives
 * {@code process.json}, conmon's files and the attach socket; the exit file is named after the container,
 * so every session needs an exit directory of its own.
 */
final class ExecLauncher {

    private final String runtimeName;
    private final Toolchain toolchain;
    private final ConmonLauncher launcher;

    ExecLauncher(String runtimeName, Toolchain toolchain, ConmonLauncher launcher) {
        this.runtimeName = runtimeName;
        this.toolchain = toolchain;
        this.launcher = launcher;
    }

    /**
     * @param containerConfig the container's OCI config: its process is the base of the session's
     * @throws InvalidArgumentException when the process cannot be started (Docker's wording for a missing or
     *                                  non-executable program)
     */
    void launch(String id, JsonNode containerConfig, RuntimeExecRequest request) {
        check(request);
        prepare(id, request, ProcessSpecs.forExec(ProcessSpecs.containerProcess(containerConfig), request));
        SyncMessage started = launcher.launch(new ConmonCommand(toolchain).forExec(id, request),
                request.sessionDir(), MonitorCgroups.cgroupFor(containerConfig));
        if (started.failed()) {
            throw StartFailure.of("exec", runtimeName, request.args().get(0), started.message());
        }
    }

    private static void check(RuntimeExecRequest request) {
        if (request.args().isEmpty()) {
            throw new InvalidArgumentException("No exec command specified");
        }
        ContainerIds.check(request.execId());
        if (request.sessionDir() == null || request.logPath() == null || request.exitDir() == null) {
            throw new InvalidArgumentException("an exec session needs a session directory, a log path and an "
                    + "exit directory");
        }
    }

    /** Writes the process spec; removes an exit file a former use of the exit directory left. */
    private static void prepare(String id, RuntimeExecRequest request, ObjectNode process) {
        try {
            Files.createDirectories(request.sessionDir());
            Files.createDirectories(request.exitDir());
            Files.createDirectories(request.logPath().toAbsolutePath().getParent());
            Files.deleteIfExists(request.exitDir().resolve(id));
            AtomicFiles.write(request.sessionDir().resolve(ConmonCommand.PROCESS_SPEC_NAME),
                    Json.MAPPER.writeValueAsBytes(process), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new BerthException("cannot prepare the exec session in " + request.sessionDir() + ": "
                    + e.getMessage(), e);
        }
    }
}
