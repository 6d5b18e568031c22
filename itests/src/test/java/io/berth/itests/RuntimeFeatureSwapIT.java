package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.UnavailableException;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemService;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.junit.After;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code feature:uninstall -r berth-runtime-crun} while a crun container runs: the container keeps running
 * and stays listed, inspect and logs work, operations that need crun answer "runtime crun is not available";
 * {@code feature:install -r berth-runtime-crun} makes it manageable again. The engine is never re-activated.
 *
 * <p>The distribution boots the {@code berth} umbrella feature, which holds the runtimes; Karaf refuses to
 * uninstall a feature that is only part of another one, so this test boots Berth's features one by one, as
 * an operator who wants to swap runtimes does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeFeatureSwapIT extends RealRuntimeTestBase {

    private static final String CRUN_FEATURE = "berth-runtime-crun";
    private static final EnumSet<Option> NO_REFRESH = EnumSet.of(Option.NoAutoRefreshBundles);

    @Inject
    private FeaturesService features;

    @Inject
    private ExecService execs;

    @Inject
    private SystemService system;

    @Override
    protected String runtime() {
        return "crun";
    }

    /** Whatever happened, crun is installed again for the cleanup and the next test. */
    @After
    public void reinstallCrun() throws Exception {
        if (!features.isInstalled(features.getFeature(CRUN_FEATURE))) {
            features.installFeature(CRUN_FEATURE, NO_REFRESH);
        }
    }

    @Test
    public void crunContainerSurvivesUninstallAndIsManageableAfterReinstall() throws Exception {
        String id = run("sh", "-c", "echo started; trap 'exit 143' TERM; while true; do sleep 1; done");
        await("first line logged", () -> logQuietly(id).contains("started"));
        int pid = containers.inspect(id).state().pid();
        Object engine = bundleContext.getServiceReference(ContainerService.class).getProperty("service.id");

        features.uninstallFeature(CRUN_FEATURE, NO_REFRESH);
        assertFalse(features.isInstalled(features.getFeature(CRUN_FEATURE)));
        await("crun gone", () -> !crunPresent());
        assertTrue("process alive without the runtime", Files.exists(Path.of("/proc/" + pid)));
        assertTrue(containers.list(ContainerFilter.ALL).stream().map(ContainerInfo::id).anyMatch(id::equals));
        assertEquals(ContainerStatus.RUNNING, containers.inspect(id).state().status());
        assertEquals(List.of("started"), log(id));
        assertUnavailable(() -> containers.stop(id, 10, null));
        assertUnavailable(() -> containers.pause(id));
        assertUnavailable(() -> execs.start(execs.create(id, ExecSpec.of("true"))));
        RuntimeSummary crun = crunSummary();
        assertFalse(crun.present());
        assertEquals(1, crun.containers());
        assertEquals("runtime crun is not available", crun.info().reason());
        String listing = run("berth:runtimes");
        assertTrue(listing, listing.contains("absent"));

        features.installFeature(CRUN_FEATURE, NO_REFRESH);
        await("crun back and ready", () -> crunPresent() && crunSummary().info().ready());
        assertEquals("engine not re-activated", engine,
                bundleContext.getServiceReference(ContainerService.class).getProperty("service.id"));
        assertTrue("process alive across the swap", Files.exists(Path.of("/proc/" + pid)));
        containers.pause(id);
        containers.unpause(id);
        containers.stop(id, 10, null);
        assertEquals(143, containers.inspect(id).state().exitCode());
        containers.remove(id, false, false);
        assertFalse(containers.list(ContainerFilter.ALL).stream().map(ContainerInfo::id).anyMatch(id::equals));
    }

    @Test
    public void withoutCrunNoContainerIsCreatedForItAndAfterReinstallOneRuns() throws Exception {
        features.uninstallFeature(CRUN_FEATURE, NO_REFRESH);
        await("crun gone", () -> !crunPresent());
        InvalidArgumentException refused = assertThrows(InvalidArgumentException.class, () -> containers.create(
                ContainerSpec.builder(IMAGE).cmd("echo", "hi").runtime("crun").build(), null));
        assertEquals("unknown or invalid runtime name: crun", refused.getMessage());

        features.installFeature(CRUN_FEATURE, NO_REFRESH);
        await("crun back and ready", () -> crunPresent() && crunSummary().info().ready());
        assertEquals(0, exitCode(run("echo", "hi")));
    }

    private static void assertUnavailable(ThrowingRunnable operation) {
        UnavailableException e = assertThrows(UnavailableException.class, operation);
        assertEquals("runtime crun is not available", e.getMessage());
    }

    private boolean crunPresent() {
        return system.info().runtimes().stream().anyMatch(r -> r.info().name().equals("crun") && r.present());
    }

    private RuntimeSummary crunSummary() {
        return system.info().runtimes().stream().filter(r -> r.info().name().equals("crun")).findFirst()
                .orElseThrow(() -> new AssertionError("crun not listed: " + system.info().runtimes()));
    }

    private List<String> logQuietly(String id) {
        try {
            return log(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
