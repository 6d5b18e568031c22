package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import javax.inject.Inject;

import io.berth.api.container.ContainerService;
import io.berth.api.event.EventService;
import io.berth.api.image.ImageService;
import io.berth.api.image.SnapshotService;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemInfo;
import io.berth.api.system.SystemService;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** The distribution boots with Berth's features installed and its services and commands available. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeaturesAndServicesIT extends BerthTestSupport {

    @Inject
    private FeaturesService featuresService;

    @Inject
    private ContainerService containers;

    @Inject
    private ImageService images;

    @Inject
    private SnapshotService snapshots;

    @Inject
    private EventService events;

    @Inject
    private SystemService system;

    @Test
    public void everyBerthFeatureIsInstalled() throws Exception {
        for (String name : List.of("berth-api", "berth-core", "berth-images", "berth-rest", "berth-runtime-runc",
                "berth-runtime-crun", "berth-runtime-mock", "berth-shell")) {
            assertTrue(name + " installed", featuresService.isInstalled(featuresService.getFeature(name)));
        }
    }

    @Test
    public void everyBerthBundleIsActive() {
        for (String name : List.of("berth-api", "berth-core", "berth-images", "berth-runtime-mock", "berth-shell")) {
            assertEquals(name + " active", Bundle.ACTIVE, bundle(name).getState());
        }
    }

    @Test
    public void mockRuntimeIsRegisteredByNameAndIsTheDefault() throws Exception {
        var refs = bundleContext.getServiceReferences(OciRuntime.class, "(berth.runtime.name=mock)");
        assertEquals(1, refs.size());
        ServiceReference<OciRuntime> ref = refs.iterator().next();
        assertEquals("mock", bundleContext.getService(ref).info().name());

        await("mock runtime listed", () -> system.info().runtimes().stream()
                .anyMatch(r -> r.info().name().equals("mock") && r.present()));
        SystemInfo info = system.info();
        assertEquals("mock", info.defaultRuntime());
        RuntimeSummary mock = info.runtimes().stream().filter(r -> r.info().name().equals("mock")).findFirst()
                .orElseThrow();
        assertTrue(mock.info().ready());
        assertTrue(mock.bundle(), mock.bundle().startsWith("berth-runtime-mock"));
    }

    @Test
    public void servicesAnswer() {
        assertNotNull(containers.list(io.berth.api.container.ContainerFilter.ALL));
        assertNotNull(images.list(true));
        assertNotNull(snapshots);
        events.subscribe(null, e -> { }).close();
    }

    @Test
    public void consoleShowsRuntimesAndInfo() {
        String runtimes = run("berth:runtimes");
        assertTrue(runtimes, runtimes.contains("mock"));
        assertTrue(runtimes, runtimes.contains("ready"));
        String info = run("berth:info");
        assertTrue(info, info.contains("mock"));
    }
}
