package io.berth.shell.internal.command;

import io.berth.api.container.ContainerService;
import io.berth.api.error.BerthException;
import io.berth.api.image.ImageService;
import io.berth.api.system.SystemService;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.MultiException;

/**
 * Base of every {@code berth:} command: the engine's services, injected by Karaf's shell (or by tests through
 * the setters), and the helpers that turn service failures into console errors. Karaf creates one instance per
 * invocation and runs it on the session's thread; output goes to {@code System.out}/{@code System.err}, which
 * Karaf routes to the session.
 */
public abstract class BerthCommandSupport implements Action {

    @Reference
    private ContainerService containerService;

    @Reference
    private ImageService imageService;

    @Reference
    private SystemService systemService;

    private Clock clock = Clock.systemUTC();

    /** One step of a command that works on several items. */
    @FunctionalInterface
    protected interface ItemAction {
        void apply(String item) throws InterruptedException;
    }

    /** Runs a service call; a failure ends the command with exactly the service's message. */
    protected static void perform(Runnable serviceCall) throws Exception {
        try {
            serviceCall.run();
        } catch (BerthException e) {
            throw new Exception(e.getMessage(), e);
        }
    }

    /** Runs a service call and returns its result; a failure ends the command with exactly the service's message. */
    protected static <T> T call(Supplier<T> serviceCall) throws Exception {
        try {
            return serviceCall.get();
        } catch (BerthException e) {
            throw new Exception(e.getMessage(), e);
        }
    }

    /**
     * Applies {@code action} to every item in order. Each failure is printed as {@code Error: <message>} on
     * standard error and the remaining items are still processed; afterwards the command fails with
     * {@code "<failureSummary>: item, item"} when any item failed.
     */
    protected static void forEach(List<String> items, String failureSummary, ItemAction action)
            throws MultiException, InterruptedException {
        ItemFailures failures = new ItemFailures();
        for (String item : items) {
            try {
                action.apply(item);
            } catch (BerthException e) {
                ItemFailures.printError(e);
                failures.record(item, e);
            }
        }
        failures.throwIfAny(failureSummary);
    }

    protected ContainerService containerService() {
        return containerService;
    }

    protected ImageService imageService() {
        return imageService;
    }

    protected SystemService systemService() {
        return systemService;
    }

    /** The clock that "5 seconds ago" and relative times like {@code 10m} are measured against. */
    protected Clock clock() {
        return clock;
    }

    public void setContainerService(ContainerService containerService) {
        this.containerService = containerService;
    }

    public void setImageService(ImageService imageService) {
        this.imageService = imageService;
    }

    public void setSystemService(SystemService systemService) {
        this.systemService = systemService;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
