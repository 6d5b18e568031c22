package io.berth.core.internal.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.event.BerthEvent;
import io.berth.core.internal.config.EngineSettings;
import io.berth.core.internal.config.HostFacts;
import io.berth.core.internal.container.ContainerEngine;
import io.berth.core.internal.events.EventBus;
import io.berth.core.internal.faults.CrashPoints;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.runtime.RuntimeRegistry;

/** An engine built from plain constructors over fakes and a temp root; {@link #reopen()} simulates a restart. */
public final class EngineFixture implements AutoCloseable {

    public final Path root;
    public final FakeRuntime runtime = new FakeRuntime("mock");
    public final RuntimeRegistry runtimes = new RuntimeRegistry();
    public final FakeImages images = new FakeImages();
    public final FakeSnapshots snapshots;
    public final EventBus events = new EventBus(1000, event -> { });
    public final List<BerthEvent> received = new CopyOnWriteArrayList<>();
    /** A host named {@code testhost} whose {@code /proc} is {@code <root>/proc} (empty unless a test fills it). */
    public final HostEnvironment host;
    public ContainerEngine engine;
    /** The crash points of the engines {@link #reopen} and {@link #restartAfterCrash} open. */
    public CrashPoints crashes = CrashPoints.NONE;

    public EngineFixture(Path root) {
        this.root = root;
        host = new HostEnvironment("testhost", 0x1fffeffffffL, 20_000, root.resolve("host-hosts"),
                root.resolve("host-resolv.conf"), root.resolve("proc"));
        snapshots = new FakeSnapshots(root.resolve("snapshots"));
        runtimes.register("mock", runtime, "fake-runtime 1.0.0");
        events.subscribe(null, received::add);
        engine = open();
    }

    public EngineSettings settings() {
        return EngineSettings.resolve(state().toString(), "", "", 10, new HostFacts(1000, null, root.toString()));
    }

    public Path state() {
        return root.resolve("state");
    }

    public Path containerDir(String id) {
        return state().resolve("containers").resolve(id);
    }

    /** Closes the engine (containers keep running in the fake runtime) and opens a new one on the same root. */
    public void reopen() {
        engine.close();
        engine = open();
    }

    /**
     * Opens a new, disarmed engine on the same root without closing the current one: a simulated crash froze
     * that one's crashing thread (and with it the container's lock).
     */
    public void restartAfterCrash() {
        crashes = CrashPoints.NONE;
        engine = open();
    }

    public String create(String... cmd) {
        return engine.create(ContainerSpec.builder("busybox").cmd(cmd).build(), null).id();
    }

    public String run(String... cmd) {
        String id = create(cmd);
        engine.start(id);
        return id;
    }

    public ContainerInfo inspect(String ref) {
        return engine.inspect(ref);
    }

    public void awaitStatus(String ref, ContainerStatus status) {
        Poll.until(ref + " " + status, () -> engine.inspect(ref).state().status() == status);
    }

    /** The actions of the events about {@code id}, in delivery order. */
    public List<String> actions(String id) {
        return received.stream().filter(e -> id.equals(e.actorId())).map(BerthEvent::action).toList();
    }

    @Override
    public void close() {
        engine.close();
        events.close();
    }

    private ContainerEngine open() {
        ContainerEngine opened = new ContainerEngine(settings(), host, Clock.systemUTC(), runtimes, images, snapshots,
                events, crashes);
        opened.open();
        return opened;
    }
}
