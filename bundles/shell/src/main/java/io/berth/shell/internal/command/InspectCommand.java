package io.berth.shell.internal.command;

import io.berth.api.error.BerthException;
import io.berth.api.error.NotFoundException;
import io.berth.shell.internal.completers.ContainerCompleter;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code berth:inspect}: prints containers and images as a JSON array, like {@code docker inspect}. Each name is
 * looked up as a container, then as an image (unless {@code --type} says which); names that match nothing are
 * reported after the array and fail the command.
 */
@Command(scope = "berth", name = "inspect", description = "Return low-level information on containers or images")
@Service
public class InspectCommand extends BerthCommandSupport {

    private static final String CONTAINER = "container";
    private static final String IMAGE = "image";

    @Option(name = "--type", description = "Only inspect objects of the given type: container or image")
    String type;

    @Argument(index = 0, name = "names", description = "Names or IDs of containers or images",
            required = true, multiValued = true)
    @Completion(ContainerCompleter.class)
    List<String> names;

    @Override
    public Object execute() throws Exception {
        if (type != null && !CONTAINER.equals(type) && !IMAGE.equals(type)) {
            throw new IllegalArgumentException("\"" + type + "\" is not a valid value for --type");
        }
        List<Object> found = new ArrayList<>();
        ItemFailures failures = new ItemFailures();
        for (String name : names) {
            try {
                found.add(lookup(name));
            } catch (BerthException e) {
                failures.record(name, e);
            }
        }
        // like docker: the array of what was found first, then the errors
        System.out.println(InspectJson.array(found));
        failures.printErrors();
        failures.throwIfAny("failed to inspect");
        return null;
    }

    private Object lookup(String name) {
        if (IMAGE.equals(type)) {
            return imageService().inspect(name);
        }
        try {
            return containerService().inspect(name);
        } catch (NotFoundException notAContainer) {
            if (CONTAINER.equals(type)) {
                throw notAContainer;
            }
        }
        try {
            return imageService().inspect(name);
        } catch (NotFoundException notAnImage) {
            throw new NotFoundException("No such object: " + name, notAnImage);
        }
    }
}
