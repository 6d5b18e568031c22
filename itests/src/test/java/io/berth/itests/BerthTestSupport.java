package io.berth.itests;

import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import org.apache.karaf.shell.api.console.Session;
import org.junit.After;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Boots the built Berth distribution once per test class with the mock runtime and private state
 * directories, and offers waiting helpers. Tests run inside the Karaf JVM; never sleep, always wait for a
 * condition with a deadline.
 */
public abstract class BerthTestSupport {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        File dist = new File(System.getProperty("berth.dist"));
        File itDir = new File(System.getProperty("berth.itest.dir", "target/it"));
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration()
                    .frameworkUrl("file:" + dist.getAbsolutePath())
                    .unpackDirectory(new File(itDir, "exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "0"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            // where benchmarks running inside Karaf write their reports (target/bench)
            systemProperty("berth.bench.dir").value(new File(itDir.getAbsoluteFile().getParentFile(), "bench")
                    .getAbsolutePath()),
            vmOptions(karafJava9Options())));
        options.addAll(berthOptions(stateRoot(itDir)));
        // a benchmark's rounds (BlockTimer) as asked on the command line (-Dberth.bench.warmup=N, -Dberth.bench.runs=N),
        // and how the benchmarks' own processes are started (the bench profile's argLine)
        for (String property : List.of("berth.bench.warmup", "berth.bench.runs", "jdk.lang.Process.launchMechanism")) {
            if (System.getProperty(property) != null) {
                options.add(systemProperty(property).value(System.getProperty(property)));
            }
        }
        if (Boolean.getBoolean("berth.itest.keep")) {
            // -Dberth.itest.keep=true keeps each Karaf's folder (logs) for a post-mortem
            options.add(keepRuntimeFolder());
        }
        return options.toArray(new Option[0]);
    }

    /** A fresh directory for this Karaf's engine and image state. */
    protected String stateRoot(File itDir) {
        return new File(itDir, "state-" + UUID.randomUUID()).getAbsolutePath();
    }

    /** Berth's configuration for this test class: by default the mock runtime and private state. */
    protected List<Option> berthOptions(String stateRoot) {
        return List.of(
            editConfigurationFilePut("etc/io.berth.core.cfg", "root", stateRoot),
            editConfigurationFilePut("etc/io.berth.core.cfg", "runDir", stateRoot + "/run"),
            editConfigurationFilePut("etc/io.berth.core.cfg", "defaultRuntime", "mock"),
            editConfigurationFilePut("etc/io.berth.images.cfg", "root", stateRoot),
            editConfigurationFilePut("etc/io.berth.runtime.mock.cfg", "stateDir", stateRoot + "/mock"),
            editConfigurationFilePut("etc/io.berth.runtime.runc.cfg", "stateRoot", stateRoot + "/rt/runc"),
            editConfigurationFilePut("etc/io.berth.runtime.crun.cfg", "stateRoot", stateRoot + "/rt/crun"),
            // the Docker API: a private socket and no TCP listener, never /run/berth/berth.sock or port 2375
            editConfigurationFilePut("etc/io.berth.rest.cfg", "socket", stateRoot + "/run/berth.sock"),
            editConfigurationFilePut("etc/io.berth.rest.cfg", "tcpPort", "-1"),
            systemProperty("berth.itest.state").value(stateRoot));
    }

    /**
     * Force-removes every container a test left: as root, root filesystems are overlay mounts, and real
     * containers are processes; neither may outlive the test.
     */
    @After
    public void removeAllContainers() {
        ServiceReference<ContainerService> ref = bundleContext.getServiceReference(ContainerService.class);
        if (ref == null) {
            return;
        }
        ContainerService containers = bundleContext.getService(ref);
        for (ContainerInfo c : containers.list(ContainerFilter.ALL)) {
            try {
                containers.remove(c.id(), true, true);
            } catch (RuntimeException e) {
                System.err.println("cleanup of " + c.id() + " failed: " + e.getMessage());
            }
        }
    }

    /** The JVM flags bin/karaf passes on Java 9+; Pax Exam does not add them itself. */
    private static String[] karafJava9Options() {
        return new String[] {
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
            "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
            "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
        };
    }

    /** Waits until the condition holds, failing with {@code what} after {@link #TIMEOUT}. */
    protected static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** The bundle with the given symbolic name; fails if absent. */
    protected Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** Result of a console command: what it printed and what it returned (or threw). */
    protected record CommandResult(String output, Object value, Exception error) {
    }

    /**
     * Runs a console command the way a user would, waiting for the command to be registered (commands
     * appear asynchronously after their bundle starts).
     */
    protected CommandResult execute(String command) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            CommandResult result = executeOnce(command);
            boolean notYetRegistered = result.error() != null
                    && result.error().getClass().getSimpleName().equals("CommandNotFoundException");
            if (!notYetRegistered || Instant.now().isAfter(deadline)) {
                return result;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    private CommandResult executeOnce(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Object value = session.execute(command);
            out.flush();
            return new CommandResult(bytes.toString(StandardCharsets.UTF_8), value, null);
        } catch (Exception e) {
            out.flush();
            return new CommandResult(bytes.toString(StandardCharsets.UTF_8), null, e);
        } finally {
            session.close();
        }
    }

    /** Runs a command that must succeed; returns its output. */
    protected String run(String command) {
        CommandResult result = execute(command);
        if (result.error() != null) {
            throw new AssertionError("command failed: " + command + " -> " + result.error() + "\n"
                    + result.output(), result.error());
        }
        return result.output();
    }
}
