package io.berth.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.container.WaitCondition;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImportOptions;
import org.junit.Before;
import org.ops4j.pax.exam.Option;

/**
 * Boots the distribution with a real runtime as the default, a busybox image built from the host's static
 * busybox, and private state roots. Every container a test creates is force-removed afterwards (by the
 * support class).
 */
public abstract class RealRuntimeTestBase extends BerthTestSupport {

    protected static final String IMAGE = "busybox:it";

    @Inject
    protected ContainerService containers;

    @Inject
    protected ImageService images;

    /** The runtime under test: {@code runc} or {@code crun}. */
    protected abstract String runtime();

    @Override
    protected String stateRoot(File itDir) {
        // Short: conmon's socket paths must stay under the 108-byte limit of unix socket addresses.
        return "/tmp/berth-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected List<Option> berthOptions(String stateRoot) {
        List<Option> options = new ArrayList<>(super.berthOptions(stateRoot));
        options.add(editConfigurationFilePut("etc/io.berth.core.cfg", "defaultRuntime", runtime()));
        options.add(editConfigurationFilePut("etc/io.berth.core.cfg", "cgroupParent", "/berth-it"));
        return options;
    }

    @Before
    public void importBusybox() {
        RootRequirement.check();
        await(runtime() + " ready", () -> containers != null && systemReady());
        images.importImage(new ByteArrayInputStream(BusyboxFixture.tarball()), ImportOptions.tagged(IMAGE));
    }

    private boolean systemReady() {
        try {
            var refs = bundleContext.getServiceReferences(io.berth.api.runtime.OciRuntime.class,
                    "(berth.runtime.name=" + runtime() + ")");
            return !refs.isEmpty() && bundleContext.getService(refs.iterator().next()).info().ready();
        } catch (Exception e) {
            return false;
        }
    }

    /** Creates and starts a container running {@code cmd} with the runtime under test. */
    protected String run(ContainerSpec.Builder spec) {
        String id = containers.create(spec.runtime(runtime()).build(), null).id();
        containers.start(id);
        return id;
    }

    protected String run(String... cmd) {
        return run(ContainerSpec.builder(IMAGE).cmd(cmd));
    }

    /** Waits for the container to stop and returns its exit code. */
    protected int exitCode(String id) throws Exception {
        return containers.wait(id, WaitCondition.NOT_RUNNING).get(60, TimeUnit.SECONDS).exitCode();
    }

    /** The container's whole log, one string per line. */
    protected List<String> log(String id) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        try (LogStream log = containers.logs(id, LogOptions.ALL)) {
            for (LogEntry e = log.next(); e != null; e = log.next()) {
                lines.add(e.text());
            }
        }
        return lines;
    }

    /** Runs {@code sh -c script} to its end and returns its output lines. */
    protected List<String> output(ContainerSpec.Builder spec) throws Exception {
        String id = run(spec);
        exitCode(id);
        return log(id);
    }

    protected static ContainerSpec.Builder shell(String script) {
        return ContainerSpec.builder(IMAGE).cmd("sh", "-c", script);
    }
}
