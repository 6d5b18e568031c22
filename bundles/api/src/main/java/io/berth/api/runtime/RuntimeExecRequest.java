package io.berth.api.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * A process to run in a running container. The engine resolves everything: the user is numeric, the
 * environment complete.
 *
 * @param execId     the session's id (64 hex characters), unique per container
 * @param args       program and arguments
 * @param env        environment as {@code KEY=value}
 * @param cwd        working directory inside the container
 * @param uid        user id
 * @param gid        group id
 * @param terminal   give the process a pseudo terminal (all output recorded as stdout)
 * @param openStdin  keep its stdin open for {@link OciRuntime#openExecStdin}
 * @param sessionDir a directory of the engine's, private to this session, for the runtime's files
 * @param logPath    where the process's output goes, in k8s-file format
 * @param exitDir    directory in which the runtime writes a file named after the <em>container</em> id
 *                   holding the process's exit code when it ends; private to this session
 */
public record RuntimeExecRequest(String execId, List<String> args, List<String> env, String cwd, int uid, int gid,
        boolean terminal, boolean openStdin, Path sessionDir, Path logPath, Path exitDir) {

    public RuntimeExecRequest {
        args = List.copyOf(args);
        env = env == null ? List.of() : List.copyOf(env);
    }
}
