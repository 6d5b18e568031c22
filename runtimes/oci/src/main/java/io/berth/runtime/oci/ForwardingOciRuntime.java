package io.berth.runtime.oci;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStats;

/**
 * Base of a profile component: forwards every {@link OciRuntime} operation to the runtime the driver built
 * for its profile, so the component itself holds only its profile and configuration. When the SPI grows,
 * the new operations are forwarded here and the profile bundles keep compiling unchanged.
 */
public abstract class ForwardingOciRuntime implements OciRuntime {

    /** The runtime every call goes to; the same instance for the component's whole life. */
    protected abstract OciRuntime delegate();

    @Override
    public RuntimeInfo info() {
        return delegate().info();
    }

    @Override
    public void create(RuntimeCreateRequest request) {
        delegate().create(request);
    }

    @Override
    public void start(String id) {
        delegate().start(id);
    }

    @Override
    public RuntimeState state(String id) {
        return delegate().state(id);
    }

    @Override
    public List<String> list() {
        return delegate().list();
    }

    @Override
    public Map<String, RuntimeState> states() {
        return delegate().states();
    }

    @Override
    public void kill(String id, int signal, boolean all) {
        delegate().kill(id, signal, all);
    }

    @Override
    public void delete(String id, boolean force) {
        delegate().delete(id, force);
    }

    @Override
    public void pause(String id) {
        delegate().pause(id);
    }

    @Override
    public void resume(String id) {
        delegate().resume(id);
    }

    @Override
    public OutputStream openStdin(String id) {
        return delegate().openStdin(id);
    }

    @Override
    public void exec(String id, RuntimeExecRequest request) {
        delegate().exec(id, request);
    }

    @Override
    public OutputStream openExecStdin(String id, Path sessionDir) {
        return delegate().openExecStdin(id, sessionDir);
    }

    @Override
    public List<Integer> processes(String id) {
        return delegate().processes(id);
    }

    @Override
    public RuntimeStats stats(String id) {
        return delegate().stats(id);
    }

    @Override
    public void resize(String id, int height, int width) {
        delegate().resize(id, height, width);
    }

    @Override
    public void resizeExec(String id, Path sessionDir, int height, int width) {
        delegate().resizeExec(id, sessionDir, height, width);
    }
}
