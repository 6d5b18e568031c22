package io.berth.shell.internal.command;

import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogStream;
import io.berth.api.error.BerthException;
import io.berth.api.error.NotFoundException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An exec service that runs nothing: it answers with the output, exit code or failure a test sets. */
final class FakeExecService implements ExecService {

    final List<String> calls = new ArrayList<>();
    List<LogEntry> output = List.of();
    int exitCode;
    BerthException startFailure;
    Integer recordedExitCode;
    ExecSpec lastSpec;

    @Override
    public String create(String containerRef, ExecSpec spec) {
        if (containerRef.equals("nosuch")) {
            throw new NotFoundException("No such container: nosuch");
        }
        lastSpec = spec;
        calls.add("create " + containerRef + " " + String.join(" ", spec.cmd()));
        return "e1";
    }

    @Override
    public void start(String execId) {
        calls.add("start " + execId);
        if (startFailure != null) {
            throw startFailure;
        }
    }

    @Override
    public LogStream output(String execId, boolean follow) {
        return new FakeContainerService.ListLogStream(output);
    }

    @Override
    public OutputStream attachStdin(String execId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Integer> waitFor(String execId) {
        return CompletableFuture.completedFuture(exitCode);
    }

    @Override
    public ExecInfo inspect(String execId) {
        return new ExecInfo(execId, "aa", lastSpec, false, recordedExitCode, true);
    }

    @Override
    public void resize(String execId, int height, int width) {
        throw new UnsupportedOperationException("resize");
    }
}
