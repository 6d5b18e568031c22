package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.inject.Inject;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.error.UnavailableException;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImportOptions;
import io.berth.api.system.SystemService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The mock runtime's bundle is stopped, started and updated while its containers exist and one runs: the
 * containers stay listed, operations needing the runtime answer "not available" meanwhile, and the engine
 * is never re-activated.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeHotSwapIT extends BerthTestSupport {

    @Inject
    private ContainerService containers;

    @Inject
    private ImageService images;

    @Inject
    private SystemService system;

    @Test
    public void containersSurviveStopStartAndUpdateOfTheirRuntime() throws Exception {
        images.importImage(new ByteArrayInputStream(RootfsFixture.tarball()), ImportOptions.tagged("swap:test"));
        String running = createAndStart("swap-running", "sleep", "300");
        String exited = createAndStart("swap-exited", "true");
        await("short container exited", () -> containers.inspect(exited).state().status() == ContainerStatus.EXITED);
        long engineServiceId = serviceId(ContainerService.class);
        Bundle mock = bundle("berth-runtime-mock");

        mock.stop();
        assertListed(running, exited);
        UnavailableException e = assertThrows(UnavailableException.class, () -> containers.stop(running, 1, null));
        assertEquals("runtime mock is not available", e.getMessage());
        assertEquals(ContainerStatus.RUNNING, containers.inspect(running).state().status());
        assertFalse(system.info().runtimes().stream().anyMatch(r -> r.info().name().equals("mock") && r.present()));
        String inspectOutput = run("berth:ps");
        assertTrue(inspectOutput, inspectOutput.contains("swap-running"));

        mock.start();
        awaitRuntimePresent();
        assertEquals(ContainerStatus.RUNNING, containers.inspect(running).state().status());
        containers.stop(running, 10, null);
        assertEquals(143, containers.inspect(running).state().exitCode());

        containers.start(running);
        mock.update();
        awaitRuntimePresent();
        assertEquals("engine not re-activated", engineServiceId, serviceId(ContainerService.class));
        assertEquals(ContainerStatus.RUNNING, containers.inspect(running).state().status());
        containers.kill(running, "KILL");
        await("killed container exited", () -> containers.inspect(running).state().status() == ContainerStatus.EXITED);
        assertEquals(137, containers.inspect(running).state().exitCode());
        assertListed(running, exited);
    }

    private String createAndStart(String name, String... cmd) {
        String id = containers.create(ContainerSpec.builder("swap:test").cmd(cmd).build(), name).id();
        containers.start(id);
        return id;
    }

    private void assertListed(String... ids) {
        List<String> listed = containers.list(ContainerFilter.ALL).stream().map(ContainerInfo::id).toList();
        assertTrue(listed.containsAll(List.of(ids)));
    }

    private void awaitRuntimePresent() {
        await("mock runtime back", () -> system.info().runtimes().stream()
                .anyMatch(r -> r.info().name().equals("mock") && r.present()));
    }

    private long serviceId(Class<?> type) {
        ServiceReference<?> ref = bundleContext.getServiceReference(type);
        return (Long) ref.getProperty("service.id");
    }
}
