package io.berth.shell.internal.completers;

import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of the runtimes that are present (a {@code --runtime} value must name one). */
@Service
public class RuntimeCompleter implements Completer {

    @Reference
    private SystemService systemService;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            for (RuntimeSummary runtime : systemService.info().runtimes()) {
                if (runtime.present()) {
                    delegate.getStrings().add(runtime.info().name());
                }
            }
        } catch (RuntimeException e) {
            // completion must never break the console: no candidates when the engine cannot answer
        }
        return delegate.complete(session, commandLine, candidates);
    }

    public void setSystemService(SystemService systemService) {
        this.systemService = systemService;
    }
}
