package io.berth.rest.internal.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecSpec;
import io.berth.api.error.InvalidArgumentException;

/** Docker's exec bodies: create, start, and the inspect document. */
public final class ExecBodies {

    private ExecBodies() {
    }

    /** {@code POST /containers/{id}/exec}. */
    public record CreateExec(Boolean attachStdin, Boolean attachStdout, Boolean attachStderr, Boolean tty,
            List<String> env, List<String> cmd, String workingDir, String user, Boolean privileged,
            String detachKeys) {

        public ExecSpec toSpec() {
            if (cmd == null || cmd.isEmpty()) {
                throw new InvalidArgumentException("No exec command specified");
            }
            return new ExecSpec(cmd, env, blankToNull(workingDir), blankToNull(user), Boolean.TRUE.equals(tty),
                    Boolean.TRUE.equals(attachStdin));
        }
    }

    /** {@code POST /exec/{id}/start}. */
    public record StartExec(Boolean detach, Boolean tty) {
    }

    /** {@code GET /exec/{id}/json}. */
    public static Map<String, Object> inspect(ExecInfo e) {
        List<String> cmd = e.spec().cmd();
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("tty", e.spec().tty());
        process.put("entrypoint", cmd.isEmpty() ? "" : cmd.get(0));
        process.put("arguments", cmd.size() > 1 ? cmd.subList(1, cmd.size()) : List.of());
        process.put("privileged", false);
        if (e.spec().user() != null) {
            process.put("user", e.spec().user());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", e.id());
        m.put("Running", e.running());
        m.put("ExitCode", e.exitCode());
        m.put("ProcessConfig", process);
        m.put("OpenStdin", e.spec().attachStdin());
        m.put("OpenStderr", true);
        m.put("OpenStdout", true);
        m.put("CanRemove", false);
        m.put("ContainerID", e.containerId());
        m.put("DetachKeys", "");
        m.put("Pid", 0);
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
