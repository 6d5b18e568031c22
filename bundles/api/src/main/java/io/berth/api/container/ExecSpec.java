package io.berth.api.container;

import java.util.List;

/**
 * A process to run inside a running container ({@code docker exec}).
 *
 * @param cmd         program and arguments; must not be empty
 * @param env         environment added to the container's, as {@code KEY=value}
 * @param workingDir  working directory; {@code null} or empty for the container's
 * @param user        {@code user[:group]} by name or number; {@code null} or empty for the container's
 * @param tty         allocate a pseudo terminal
 * @param attachStdin keep standard input open for {@link ExecService#attachStdin}
 */
public record ExecSpec(List<String> cmd, List<String> env, String workingDir, String user, boolean tty,
        boolean attachStdin) {

    public ExecSpec {
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
    }

    /** A plain exec of the given command. */
    public static ExecSpec of(String... cmd) {
        return new ExecSpec(List.of(cmd), null, null, null, false, false);
    }
}
