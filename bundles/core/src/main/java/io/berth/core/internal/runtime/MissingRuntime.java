package io.berth.core.internal.runtime;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeFeatures;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStats;

/**
 * Stand-in for a runtime that is not registered: every operation throws {@link UnavailableException}
 * ("runtime X is not available") and {@link #info()} reports it as not ready. Stateless and thread-safe.
 */
public final class MissingRuntime implements OciRuntime {

    private final String name;

    public MissingRuntime(String name) {
        this.name = name;
    }

    /** The name of the absent runtime. */
    public String name() {
        return name;
    }

    /** The error every operation throws. */
    public UnavailableException unavailable() {
        return new UnavailableException(reason());
    }

    @Override
    public RuntimeInfo info() {
        return new RuntimeInfo(name, "", "", false, reason(), RuntimeFeatures.UNKNOWN);
    }

    @Override
    public void create(RuntimeCreateRequest request) {
        throw unavailable();
    }

    @Override
    public void start(String id) {
        throw unavailable();
    }

    @Override
    public RuntimeState state(String id) {
        throw unavailable();
    }

    @Override
    public List<String> list() {
        throw unavailable();
    }

    @Override
    public void kill(String id, int signal, boolean all) {
        throw unavailable();
    }

    @Override
    public void delete(String id, boolean force) {
        throw unavailable();
    }

    @Override
    public void pause(String id) {
        throw unavailable();
    }

    @Override
    public void resume(String id) {
        throw unavailable();
    }

    @Override
    public OutputStream openStdin(String id) {
        throw unavailable();
    }

    @Override
    public void exec(String id, RuntimeExecRequest request) {
        throw unavailable();
    }

    @Override
    public OutputStream openExecStdin(String id, Path sessionDir) {
        throw unavailable();
    }

    @Override
    public List<Integer> processes(String id) {
        throw unavailable();
    }

    @Override
    public RuntimeStats stats(String id) {
        throw unavailable();
    }

    @Override
    public void resize(String id, int height, int width) {
        throw unavailable();
    }

    @Override
    public void resizeExec(String id, Path sessionDir, int height, int width) {
        throw unavailable();
    }

    private String reason() {
        return "runtime " + name + " is not available";
    }
}
