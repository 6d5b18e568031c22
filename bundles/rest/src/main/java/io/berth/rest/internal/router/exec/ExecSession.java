package io.berth.rest.internal.router.exec;

import java.io.InputStream;
import java.io.OutputStream;

import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecService;
import io.berth.api.container.LogStream;
import io.berth.rest.internal.http.HijackSession;
import io.berth.rest.internal.http.LogCopier;
import io.berth.rest.internal.http.MuxOutput;
import io.berth.rest.internal.http.StdinPump;

/**
 * The stream of a started exec: stdin copied in (when the exec was created with {@code AttachStdin}), output
 * followed until the process ends, then the exit code awaited before the connection closes, so that the
 * client's {@code GET /exec/{id}/json} right after EOF sees {@code Running: false} and the final code.
 */
final class ExecSession implements HijackSession {

    private final ExecService execs;
    private final ExecInfo exec;

    ExecSession(ExecService execs, ExecInfo exec) {
        this.execs = execs;
        this.exec = exec;
    }

    @Override
    public void run(InputStream fromClient, OutputStream toClient) throws Exception {
        if (exec.spec().attachStdin()) {
            StdinPump.start("berth-exec-stdin-" + exec.id().substring(0, 12), fromClient,
                    () -> execs.attachStdin(exec.id()));
        }
        MuxOutput out = new MuxOutput(toClient, exec.spec().tty());
        try (LogStream output = execs.output(exec.id(), true)) {
            LogCopier.copy(output, out, false);
        }
        execs.waitFor(exec.id()).get();
    }
}
