package io.berth.shell.internal.command;

import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemInfo;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:info}: a summary of the engine in the shape of {@code docker info}. */
@Command(scope = "berth", name = "info", description = "Display system-wide information")
@Service
public class InfoCommand extends BerthCommandSupport {

    @Override
    public Object execute() throws Exception {
        SystemInfo info = call(() -> systemService().info());
        System.out.print(text(info));
        return null;
    }

    static String text(SystemInfo info) {
        String runtimes = info.runtimes().stream()
                .map(RuntimeSummary::info)
                .map(RuntimeInfo::name)
                .collect(Collectors.joining(" "));
        return "Containers: " + info.containers() + "\n"
                + " Running: " + info.running() + "\n"
                + " Paused: " + info.paused() + "\n"
                + " Stopped: " + info.stopped() + "\n"
                + "Images: " + info.images() + "\n"
                + "Root Dir: " + info.rootDir() + "\n"
                + "Run Dir: " + info.runDir() + "\n"
                + "Default Runtime: " + info.defaultRuntime() + "\n"
                + "Runtimes: " + runtimes + "\n"
                + "Berth Version: " + info.version() + "\n";
    }
}
