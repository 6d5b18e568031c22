package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStats;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.nativeio.NetworkNamespaces;
import io.berth.nativeio.SeqPacketSocket;
import io.berth.nativeio.UnixSockets;
import io.berth.runtime.oci.OciCliProfile;
import io.berth.runtime.oci.internal.StateParser.ContainerDocument;

/**
 * The driver for one profile: each operation is one runtime CLI call (or a conmon launch) against the
 * profile's state root. Holds no container state, so any number of instances (an old and a new bundle
 * version) may drive the same containers. Thread-safe.
 */
final class CliOciRuntime implements OciRuntime {

    static final Duration CLI_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CONMON_TIMEOUT = Duration.ofSeconds(60);
    static final int SIGKILL = 9;

    private final OciCliProfile profile;
    private final RuntimeEnvironment environment;
    private final UnixSockets sockets;
    private final Loopback loopback;
    private final ConmonLauncher launcher;

    CliOciRuntime(OciCliProfile profile, UnixSockets sockets, NetworkNamespaces namespaces, Programs programs) {
        this.profile = profile;
        this.environment = new RuntimeEnvironment(profile, CLI_TIMEOUT, programs);
        this.launcher = new ConmonLauncher(CONMON_TIMEOUT, programs, MonitorCgroups.host());
        this.sockets = sockets;
        this.loopback = new Loopback(namespaces);
        environment.current();
    }

    @Override
    public RuntimeInfo info() {
        Readiness readiness = environment.current();
        return new RuntimeInfo(profile.name(), readiness.version(), readiness.binary(), readiness.ready(),
                readiness.reason(), readiness.features());
    }

    @Override
    public void create(RuntimeCreateRequest request) {
        new ContainerCreator(profile.name(), toolchain(), launcher, loopback).create(request);
    }

    @Override
    public void start(String id) {
        cli().check(ContainerIds.check(id), "start", id);
    }

    @Override
    public RuntimeState state(String id) {
        return document(id).state();
    }

    @Override
    public List<String> list() {
        return StateParser.parseList(cli().check(null, "list", "--format", "json"));
    }

    /** One {@code list --format json}: it carries every container's status and pid. */
    @Override
    public Map<String, RuntimeState> states() {
        return StateParser.parseStates(cli().check(null, "list", "--format", "json"));
    }

    /**
     * Sends the signal. SIGKILL also ends a paused container: runc thaws it by itself, crun leaves it frozen
     * with the signal pending, so a container still paused afterwards is resumed here.
     */
    @Override
    public void kill(String id, int signal, boolean all) {
        ContainerIds.check(id);
        if (signal < 1 || signal > 64) {
            throw new InvalidArgumentException("invalid signal: " + signal);
        }
        if (all) {
            cli().check(id, "kill", "--all", id, Integer.toString(signal));
        } else {
            cli().check(id, "kill", id, Integer.toString(signal));
        }
        if (signal == SIGKILL) {
            thawIfPaused(id);
        }
    }

    @Override
    public void delete(String id, boolean force) {
        ContainerIds.check(id);
        try {
            if (force) {
                cli().check(id, "delete", "-f", id);
            } else {
                cli().check(id, "delete", id);
            }
        } catch (NotFoundException e) {
            // deleting an unknown container is a no-op: the engine may retry after a crash
        }
    }

    @Override
    public void pause(String id) {
        cli().check(ContainerIds.check(id), "pause", id);
    }

    @Override
    public void resume(String id) {
        cli().check(ContainerIds.check(id), "resume", id);
    }

    @Override
    public OutputStream openStdin(String id) {
        ContainerDocument document = document(id);
        requireProcess(id, document);
        requireMonitor(id, document);
        return attach(document.bundle().resolve(ConmonCommand.ATTACH_SOCKET_NAME), "container " + id, id);
    }

    @Override
    public void exec(String id, RuntimeExecRequest request) {
        ContainerDocument document = document(id);
        if (document.state().status() == RuntimeStatus.PAUSED) {
            throw new ConflictException("Container " + id + " is paused, unpause the container before exec");
        }
        if (document.state().status() != RuntimeStatus.RUNNING) {
            throw new ConflictException("Container " + id + " is not running");
        }
        new ExecLauncher(profile.name(), toolchain(), launcher)
                .launch(id, ProcessSpecs.containerConfig(document.bundle()), request);
    }

    @Override
    public OutputStream openExecStdin(String id, Path sessionDir) {
        ContainerIds.check(id);
        if (!Files.isDirectory(toolchain().cli().stateRoot().resolve(id))) {
            throw new NotFoundException("No such container: " + id);
        }
        return attach(sessionDir.resolve(ConmonCommand.ATTACH_SOCKET_NAME), "exec session " + sessionDir,
                String.valueOf(sessionDir.getFileName()));
    }

    @Override
    public List<Integer> processes(String id) {
        requireProcess(id, document(id));
        return StateParser.parsePids(cli().check(id, "ps", "--format", "json", id));
    }

    @Override
    public RuntimeStats stats(String id) {
        ContainerDocument document = document(id);
        requireProcess(id, document);
        if (profile.eventsStats()) {
            return EventsStats.parse(cli().check(id, "events", "--stats", id), HostMemory.total());
        }
        return CgroupStats.host().read(document.state().pid());
    }

    /** Writes the new size to the control fifo of the container's conmon (in its bundle). */
    @Override
    public void resize(String id, int height, int width) {
        TerminalControl.checkSize(height, width);
        ContainerDocument document = document(id);
        requireProcess(id, document);
        requireMonitor(id, document);
        TerminalControl.resize(document.bundle(), "Container " + id, height, width);
    }

    /** Writes the new size to the control fifo of the session's conmon (in the session directory). */
    @Override
    public void resizeExec(String id, Path sessionDir, int height, int width) {
        TerminalControl.checkSize(height, width);
        ContainerIds.check(id);
        if (!Files.isDirectory(toolchain().cli().stateRoot().resolve(id))) {
            throw new NotFoundException("No such container: " + id);
        }
        TerminalControl.resize(sessionDir, "exec session " + sessionDir.getFileName(), height, width);
    }

    private OutputStream attach(Path socket, String what, String label) {
        try {
            SeqPacketSocket connection = sockets.connectSeqPacket(socket);
            return new AttachStdin(connection, label);
        } catch (IOException e) {
            throw new ConflictException("cannot attach to the stdin of " + what + ": " + e.getMessage(), e);
        }
    }

    private void thawIfPaused(String id) {
        try {
            if (state(id).status() == RuntimeStatus.PAUSED) {
                resume(id);
            }
        } catch (ConflictException | NotFoundException e) {
            // thawed or gone meanwhile: the signal has done its work
        }
    }

    private ContainerDocument document(String id) {
        return StateParser.parseState(cli().check(ContainerIds.check(id), "state", id));
    }

    /** The container's conmon holds its terminal and stdin; one killed by hand leaves the process without. */
    private static void requireMonitor(String id, ContainerDocument document) {
        if (!TerminalControl.monitorAlive(document.bundle())) {
            throw new ConflictException("Container " + id + " has lost its monitor (conmon is gone): its terminal "
                    + "and stdin are out of reach until it is started again");
        }
    }

    private static void requireProcess(String id, ContainerDocument document) {
        if (document.state().status() == RuntimeStatus.STOPPED) {
            throw new ConflictException("Container " + id + " is not running");
        }
    }

    private Toolchain toolchain() {
        return environment.current().require();
    }

    private RuntimeCli cli() {
        return toolchain().cli();
    }
}
