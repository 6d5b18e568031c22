package io.berth.shell.internal.command;

import io.berth.api.error.NotModifiedException;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:stop}: stops running containers, like {@code docker stop}; stopping a stopped one is no error. */
@Command(scope = "berth", name = "stop", description = "Stop one or more running containers")
@Service
public class StopCommand extends ContainersCommand {

    @Option(name = "-t", aliases = "--time",
            description = "Seconds to wait before killing the container (default: the container's stop timeout)")
    Integer time;

    @Option(name = "-s", aliases = "--signal",
            description = "Signal to send to the container (default: the container's stop signal)")
    String signal;

    @Override
    protected String verb() {
        return "stop";
    }

    @Override
    protected String executeOn(String ref) {
        try {
            containerService().stop(ref, time, signal);
        } catch (NotModifiedException alreadyStopped) {
            // Docker answers 304 and the CLI reports success
        }
        return ref;
    }
}
