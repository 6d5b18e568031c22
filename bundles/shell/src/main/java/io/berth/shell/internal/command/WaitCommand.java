package io.berth.shell.internal.command;

import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import java.util.concurrent.ExecutionException;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code berth:wait}: blocks until each container stops, then prints its exit code. Ctrl-C (an interrupt of the
 * session thread) ends the wait without an error.
 */
@Command(scope = "berth", name = "wait",
        description = "Block until one or more containers stop, then print their exit codes")
@Service
public class WaitCommand extends ContainersCommand {

    @Override
    public Object execute() throws Exception {
        try {
            return super.execute();
        } catch (InterruptedException e) {
            // Ctrl-C: the user stopped waiting; nothing went wrong
            return null;
        }
    }

    @Override
    protected String verb() {
        return "wait for";
    }

    @Override
    protected String executeOn(String ref) throws InterruptedException {
        return String.valueOf(awaitExit(ref).exitCode());
    }

    private WaitResult awaitExit(String ref) throws InterruptedException {
        try {
            return containerService().wait(ref, WaitCondition.NOT_RUNNING).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BerthException failure) {
                throw failure;
            }
            throw new BerthException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }
}
