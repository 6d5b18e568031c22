package io.berth.core.internal;

import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.container.LogStream;

/**
 * The {@link ExecService} of the engine ({@code docker exec}). Its one reference, to the engine component's
 * {@link ExecBackend}, is static and mandatory: when the engine goes, so does this service, and its sessions
 * (which live in the engine's memory) with it.
 */
@Component(name = "io.berth.core.exec", service = ExecService.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public class ExecServiceComponent implements ExecService {

    private final ExecService execs;

    @Activate
    public ExecServiceComponent(@Reference(name = "engine", target = "(component.name=io.berth.core)")
            ExecBackend backend) {
        this.execs = backend.execService();
    }

    @Override
    public String create(String containerRef, ExecSpec spec) {
        return execs.create(containerRef, spec);
    }

    @Override
    public void start(String execId) {
        execs.start(execId);
    }

    @Override
    public LogStream output(String execId, boolean follow) {
        return execs.output(execId, follow);
    }

    @Override
    public OutputStream attachStdin(String execId) {
        return execs.attachStdin(execId);
    }

    @Override
    public CompletableFuture<Integer> waitFor(String execId) {
        return execs.waitFor(execId);
    }

    @Override
    public ExecInfo inspect(String execId) {
        return execs.inspect(execId);
    }

    @Override
    public void resize(String execId, int height, int width) {
        execs.resize(execId, height, width);
    }
}
