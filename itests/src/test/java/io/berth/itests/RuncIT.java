package io.berth.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerStatus;
import io.berth.api.error.UnavailableException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** The real-runtime contract with runc, and runc's bundle swapped while a container runs. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuncIT extends RealRuntimeContract {

    @Override
    protected String runtime() {
        return "runc";
    }

    @Test
    public void containerKeepsRunningWhileItsRuntimeBundleIsStoppedAndUpdated() throws Exception {
        String id = run("sh", "-c", "trap 'exit 143' TERM; while true; do sleep 1; done");
        int pid = containers.inspect(id).state().pid();
        long engine = (Long) bundleContext.getServiceReference(ContainerService.class).getProperty("service.id");
        Bundle runc = bundle("berth-runtime-runc");

        runc.stop();
        assertTrue("process alive without the runtime bundle", Files.exists(Path.of("/proc/" + pid)));
        UnavailableException e = assertThrows(UnavailableException.class, () -> containers.pause(id));
        assertEquals("runtime runc is not available", e.getMessage());
        assertEquals(ContainerStatus.RUNNING, containers.inspect(id).state().status());

        runc.start();
        awaitRuntime();
        containers.pause(id);
        containers.unpause(id);

        runc.update();
        awaitRuntime();
        assertTrue("process alive across the update", Files.exists(Path.of("/proc/" + pid)));
        assertEquals("engine not re-activated", engine,
                bundleContext.getServiceReference(ContainerService.class).getProperty("service.id"));
        containers.stop(id, 10, null);
        assertEquals(143, containers.inspect(id).state().exitCode());
        removalLeavesNoMountOrCgroup();
    }

    @Test
    public void aRunningContainerIsReadoptedByAnEngineUpdatedInPlace() throws Exception {
        String id = run("sh", "-c", "trap 'exit 143' TERM; i=0; while true; do echo tick$i; i=$((i+1)); sleep 0.2; "
                + "done");
        int pid = containers.inspect(id).state().pid();
        long engine = (Long) bundleContext.getServiceReference(ContainerService.class).getProperty("service.id");

        bundle("berth-core").update();
        await("an updated engine", () -> {
            ServiceReference<ContainerService> ref = bundleContext.getServiceReference(ContainerService.class);
            return ref != null && (Long) ref.getProperty("service.id") > engine;
        });
        ContainerService updated = bundleContext.getService(bundleContext.getServiceReference(ContainerService.class));

        assertTrue("process alive across the engine update", Files.exists(Path.of("/proc/" + pid)));
        assertEquals(ContainerStatus.RUNNING, updated.inspect(id).state().status());
        assertEquals(pid, updated.inspect(id).state().pid());
        int before = ticks(updated, id);
        await("the log goes on", () -> ticks(updated, id) > before + 2);
        updated.stop(id, 10, null);
        assertEquals(143, updated.inspect(id).state().exitCode());
        updated.remove(id, false, false);
        assertFalse("no mount left", Files.readString(Path.of("/proc/self/mountinfo")).contains(id));
    }

    private static int ticks(ContainerService service, String id) {
        try (var logs = service.logs(id, io.berth.api.container.LogOptions.ALL)) {
            int count = 0;
            while (logs.next() != null) {
                count++;
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void awaitRuntime() {
        await("runc back", () -> {
            try {
                return !bundleContext.getServiceReferences(io.berth.api.runtime.OciRuntime.class,
                        "(berth.runtime.name=runc)").isEmpty();
            } catch (Exception ex) {
                return false;
            }
        });
    }
}
