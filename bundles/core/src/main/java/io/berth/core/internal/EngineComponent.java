package io.berth.core.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStats;
import io.berth.api.container.CreateResult;
import io.berth.api.container.ExecService;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.container.TopResult;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.event.EventService;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImageUsage;
import io.berth.api.image.SnapshotService;
import io.berth.api.system.SystemInfo;
import io.berth.api.system.SystemService;
import io.berth.core.internal.config.CoreConfig;
import io.berth.core.internal.config.EngineSettings;
import io.berth.core.internal.config.HostFacts;
import io.berth.core.internal.container.ContainerEngine;
import io.berth.core.internal.faults.CrashPoints;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.runtime.RuntimeRegistry;

/**
 * The engine as OSGi services, configured by PID {@code io.berth.core} (optional: defaults apply without a
 * configuration). Its references are static and mandatory: the image store, the snapshot service, the
 * runtime registry and the event service of this bundle. Runtimes come and go through the registry's
 * dynamic reference, so a runtime bundle's stop, start or update never re-activates this component.
 * Deactivation stops monitoring and background work only; containers keep running and are re-adopted at
 * the next activation. Immediate, so that exits are recorded and restart policies applied even before
 * anyone calls the engine. Its exec sessions are published as {@link ExecService} by
 * {@link ExecServiceComponent} through the bundle-private {@link ExecBackend} service. Crash tests arm a
 * {@link CrashPoints crash point} with the framework or system property {@value CrashPoints#PROPERTY}, read at
 * activation; nothing else can arm one.
 */
@Component(name = "io.berth.core", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {ContainerService.class, SystemService.class, ImageUsage.class, ExecBackend.class})
@Designate(ocd = CoreConfig.class)
public class EngineComponent implements ContainerService, SystemService, ImageUsage, ExecBackend {

    private final ContainerEngine engine;
    private final SystemService system;
    private final ImageUsage usage;

    @Activate
    public EngineComponent(@Reference(name = "images") ImageService images,
            @Reference(name = "snapshots") SnapshotService snapshots,
            @Reference(name = "runtimes") RuntimeRegistry runtimes,
            @Reference(name = "events", target = "(component.name=io.berth.core.events)") EventService events,
            CoreConfig config, BundleContext context) {
        engine = new ContainerEngine(EngineSettings.from(config, HostFacts.current()), HostEnvironment.current(),
                Clock.systemDefaultZone(), runtimes, images, snapshots, events,
                CrashPoints.fromProperty(context.getProperty(CrashPoints.PROPERTY)));
        engine.open();
        system = engine.systemService(versionOf(context.getBundle().getVersion()));
        usage = engine.imageUsage();
    }

    @Deactivate
    void deactivate() {
        engine.close();
    }

    private static String versionOf(Version version) {
        return Version.emptyVersion.equals(version) ? "dev" : version.toString();
    }

    @Override
    public ExecService execService() {
        return engine.execService();
    }

    @Override
    public SystemInfo info() {
        return system.info();
    }

    @Override
    public List<String> containersUsing(String imageId) {
        return usage.containersUsing(imageId);
    }

    @Override
    public CreateResult create(ContainerSpec spec, String name) {
        return engine.create(spec, name);
    }

    @Override
    public void start(String ref) {
        engine.start(ref);
    }

    @Override
    public void stop(String ref, Integer timeoutSeconds, String signal) {
        engine.stop(ref, timeoutSeconds, signal);
    }

    @Override
    public void kill(String ref, String signal) {
        engine.kill(ref, signal);
    }

    @Override
    public void restart(String ref, Integer timeoutSeconds) {
        engine.restart(ref, timeoutSeconds);
    }

    @Override
    public void remove(String ref, boolean force, boolean volumes) {
        engine.remove(ref, force, volumes);
    }

    @Override
    public CompletableFuture<WaitResult> wait(String ref, WaitCondition condition) {
        return engine.wait(ref, condition);
    }

    @Override
    public void pause(String ref) {
        engine.pause(ref);
    }

    @Override
    public void unpause(String ref) {
        engine.unpause(ref);
    }

    @Override
    public void rename(String ref, String newName) {
        engine.rename(ref, newName);
    }

    @Override
    public List<ContainerInfo> list(ContainerFilter filter) {
        return engine.list(filter);
    }

    @Override
    public ContainerInfo inspect(String ref) {
        return engine.inspect(ref);
    }

    @Override
    public LogStream logs(String ref, LogOptions options) {
        return engine.logs(ref, options);
    }

    @Override
    public OutputStream attachStdin(String ref) {
        return engine.attachStdin(ref);
    }

    @Override
    public TopResult top(String ref) {
        return engine.top(ref);
    }

    @Override
    public ContainerStats stats(String ref) {
        return engine.stats(ref);
    }

    @Override
    public void resize(String ref, int height, int width) {
        engine.resize(ref, height, width);
    }
}
