package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import io.berth.api.container.ContainerSpec;
import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemService;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A runc-compatible runtime added by configuration alone: a factory configuration of
 * {@code io.berth.runtime.oci} (what {@code etc/io.berth.runtime.oci-<name>.cfg} gives) registers runc under
 * another name; deleting it removes the runtime while its containers keep running. The same through a
 * file in {@code etc/}, named after the file. Invalid or taken names register nothing and log why.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfiguredRuntimeIT extends RealRuntimeTestBase {

    private static final String FACTORY_PID = "io.berth.runtime.oci";

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private SystemService system;

    private final List<Configuration> created = new ArrayList<>();

    @Override
    protected String runtime() {
        return "runc";
    }

    @After
    public void deleteConfigurations() throws Exception {
        removeAllContainers();
        for (Configuration configuration : created) {
            try {
                configuration.delete();
            } catch (IllegalStateException alreadyDeleted) {
                // deleted by the test
            }
        }
    }

    @Test
    public void aFactoryConfigurationAddsARuntimeAndDeletingItRemovesIt() throws Exception {
        Configuration altrunc = configure("altrunc", "/usr/sbin/runc");
        await("altrunc ready", () -> summary("altrunc").map(r -> r.present() && r.info().ready()).orElse(false));
        RuntimeSummary summary = summary("altrunc").orElseThrow();
        assertTrue(summary.bundle(), summary.bundle().startsWith("berth-runtime-oci"));
        assertEquals("/usr/sbin/runc", summary.info().binary());
        String listing = run("berth:runtimes");
        assertTrue(listing, listing.contains("altrunc"));

        String echo = runWithAltrunc("echo", "hi");
        assertEquals(0, exitCode(echo));
        assertEquals(List.of("hi"), log(echo));
        assertEquals("altrunc", containers.inspect(echo).runtime());
        assertTrue("state under the configured root", Files.isDirectory(stateRoot("altrunc")));

        String running = runWithAltrunc("sleep", "300");
        int pid = containers.inspect(running).state().pid();
        altrunc.delete();
        await("altrunc removed", () -> summary("altrunc").map(r -> !r.present()).orElse(true));
        assertTrue("container alive without its runtime", Files.exists(Path.of("/proc/" + pid)));
        UnavailableException e = assertThrows(UnavailableException.class, () -> containers.kill(running, "KILL"));
        assertEquals("runtime altrunc is not available", e.getMessage());

        configure("altrunc", "/usr/sbin/runc");
        await("altrunc back", () -> summary("altrunc").map(RuntimeSummary::present).orElse(false));
        containers.kill(running, "KILL");
        assertEquals(137, exitCode(running));
    }

    @Test
    public void aCfgFileInEtcAddsARuntimeNamedAfterItAndDeletingTheFileRemovesIt() throws Exception {
        Path file = Path.of(System.getProperty("karaf.etc"), "io.berth.runtime.oci-filerunc.cfg");
        try {
            // no name: the file's alias gives it
            Files.writeString(file, "binary = /usr/sbin/runc\nstateRoot = " + stateRoot("filerunc") + "\n");
            await("filerunc ready", () -> summary("filerunc").map(r -> r.present() && r.info().ready()).orElse(false));
            String id = containers.create(ContainerSpec.builder(IMAGE).cmd("echo", "hi").runtime("filerunc").build(),
                    null).id();
            containers.start(id);
            assertEquals(0, exitCode(id));
            assertEquals(List.of("hi"), log(id));
            containers.remove(id, false, false);
        } finally {
            Files.deleteIfExists(file);
        }
        await("filerunc removed", () -> summary("filerunc").isEmpty());
    }

    @Test
    public void invalidOrTakenNamesRegisterNothing() throws Exception {
        configure("../x", "/usr/sbin/runc");
        configure("/usr/bin/runc", "/usr/sbin/runc");
        configure("runc", "/usr/bin/crun");
        configure("relbin", "runc");
        configure("okname", "/usr/sbin/runc");
        await("okname registered", () -> summary("okname").map(RuntimeSummary::present).orElse(false));
        for (String refusal : List.of("invalid runtime name \"../x\"", "invalid runtime name \"/usr/bin/runc\"",
                "runtime name runc is reserved", "binary must be an absolute path, not \"runc\"")) {
            await("error logged: " + refusal, () -> karafLog().contains("registers no runtime: " + refusal));
        }

        List<String> names = new ArrayList<>();
        for (ServiceReference<OciRuntime> ref : bundleContext.getServiceReferences(OciRuntime.class, null)) {
            names.add(String.valueOf(ref.getProperty("berth.runtime.name")));
        }
        assertFalse(names.toString(), names.contains("../x"));
        assertFalse(names.toString(), names.contains("/usr/bin/runc"));
        assertFalse(names.toString(), names.contains("relbin"));
        assertEquals(names.toString(), 1, names.stream().filter("runc"::equals).count());
        assertEquals("/usr/sbin/runc", summary("runc").orElseThrow().info().binary());
        assertTrue(names.toString(), names.contains("okname"));
    }

    /** The base class's run() sets the class's runtime; this one runs on altrunc. */
    private String runWithAltrunc(String... cmd) {
        String id = containers.create(ContainerSpec.builder(IMAGE).cmd(cmd).runtime("altrunc").build(), null).id();
        containers.start(id);
        return id;
    }

    private Configuration configure(String name, String binary) throws Exception {
        // "?": bound to no bundle, so that the component in berth-runtime-oci sees it
        Configuration configuration = configAdmin.createFactoryConfiguration(FACTORY_PID, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", name);
        properties.put("binary", binary);
        properties.put("stateRoot", stateRoot(name.replace('/', '_')).toString());
        configuration.update(properties);
        created.add(configuration);
        return configuration;
    }

    /** Karaf's log (data/log/karaf.log); errors reach it at the tests' WARN level. */
    private static String karafLog() {
        try {
            return Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static Path stateRoot(String name) {
        return Path.of(System.getProperty("berth.itest.state"), "rt", name);
    }

    private Optional<RuntimeSummary> summary(String name) {
        return system.info().runtimes().stream().filter(r -> r.info().name().equals(name)).findFirst();
    }
}
