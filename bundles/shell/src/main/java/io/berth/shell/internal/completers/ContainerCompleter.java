package io.berth.shell.internal.completers;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes container names and short (12 character) ids, of running and stopped containers alike. */
@Service
public class ContainerCompleter implements Completer {

    private static final int SHORT_ID_LENGTH = 12;

    @Reference
    private ContainerService containerService;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            for (ContainerInfo container : containerService.list(ContainerFilter.ALL)) {
                delegate.getStrings().add(container.name());
                delegate.getStrings().add(shortId(container.id()));
            }
        } catch (RuntimeException e) {
            // completion must never break the console: no candidates when the engine cannot answer
        }
        return delegate.complete(session, commandLine, candidates);
    }

    private static String shortId(String id) {
        return id.length() > SHORT_ID_LENGTH ? id.substring(0, SHORT_ID_LENGTH) : id;
    }

    public void setContainerService(ContainerService containerService) {
        this.containerService = containerService;
    }
}
