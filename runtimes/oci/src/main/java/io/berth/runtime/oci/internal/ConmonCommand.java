package io.berth.runtime.oci.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;

/**
 * Builds conmon's argument lists for a container and for an exec session (flags as conmon 2.1.6 takes
 * them). {@code --full-attach} puts the attach socket at {@code <work dir>/attach} whatever the path's
 * length (conmon binds it through {@code /proc/self/fd}), so no links are left in a socket directory.
 * {@code --no-sync-log}: conmon would otherwise fsync the log when the process ends, before it writes the exit
 * file, which delays every exit (its waiters, the removal of {@code --rm}) by a disk flush; the log is read
 * from the page cache by everyone, so only a power cut in the following seconds can cost its last lines, as
 * with Docker's own log drivers, which never fsync. Pure: no I/O.
 */
final class ConmonCommand {

    static final String SYNC_FILE_NAME = "conmon.sync";
    static final String CONMON_LOG_NAME = "conmon.log";
    static final String CONMON_PID_NAME = "conmon.pid";
    static final String PID_FILE_NAME = "pidfile";
    static final String PROCESS_SPEC_NAME = "process.json";
    static final String ATTACH_SOCKET_NAME = "attach";

    private final Toolchain toolchain;

    ConmonCommand(Toolchain toolchain) {
        this.toolchain = toolchain;
    }

    /** conmon for a new container: it runs {@code <createRuntime> create} and then monitors the container. */
    List<String> forCreate(RuntimeCreateRequest request) {
        List<String> args = common(request.id(), request.id(), toolchain.createRuntime(), request.bundle());
        args.addAll(List.of("-l", "k8s-file:" + request.logPath(), "--exit-dir", request.exitDir().toString()));
        stdio(args, request.openStdin(), request.terminal());
        args.addAll(runtimeArgs());
        return args;
    }

    /**
     * conmon for an exec session: it runs {@code <binary> exec} with {@code sessionDir/process.json} and
     * writes the exit code to {@code exitDir/<container id>}.
     */
    List<String> forExec(String id, RuntimeExecRequest request) {
        Path sessionDir = request.sessionDir();
        List<String> args = common(id, request.execId(), toolchain.cli().binary(), sessionDir);
        args.addAll(List.of("-l", "k8s-file:" + request.logPath(), "--exit-dir", request.exitDir().toString()));
        stdio(args, request.openStdin(), request.terminal());
        args.addAll(List.of("-e", "--exec-process-spec", sessionDir.resolve(PROCESS_SPEC_NAME).toString()));
        args.addAll(runtimeArgs());
        return args;
    }

    private List<String> common(String id, String uuid, Path runtime, Path workDir) {
        return new ArrayList<>(List.of(toolchain.conmon().toString(), "--api-version", "1",
                "-c", id, "-u", uuid, "-n", id,
                "-r", runtime.toString(),
                "-b", workDir.toString(),
                "-p", workDir.resolve(PID_FILE_NAME).toString(),
                "-P", workDir.resolve(CONMON_PID_NAME).toString(),
                "--full-attach", "--no-sync-log"));
    }

    private static void stdio(List<String> args, boolean openStdin, boolean terminal) {
        if (openStdin) {
            args.add("-i");
        }
        if (terminal) {
            args.add("-t");
        }
    }

    private List<String> runtimeArgs() {
        List<String> args = new ArrayList<>();
        for (String arg : toolchain.cli().rootArgs()) {
            args.add("--runtime-arg");
            args.add(arg);
        }
        return args;
    }
}
