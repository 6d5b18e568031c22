package io.berth.shell.internal.command;

import io.berth.api.image.ImageRemoval;
import io.berth.shell.internal.completers.ImageCompleter;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:rmi}: removes images, printing Docker's "Untagged:" and "Deleted:" lines. */
@Command(scope = "berth", name = "rmi", description = "Remove one or more images")
@Service
public class RmiCommand extends BerthCommandSupport {

    @Option(name = "-f", aliases = "--force", description = "Force removal of the image")
    boolean force;

    @Option(name = "--no-prune", description = "Do not delete untagged parents")
    boolean noPrune;

    @Argument(index = 0, name = "images", description = "Images to remove (references or IDs)",
            required = true, multiValued = true)
    @Completion(ImageCompleter.class)
    List<String> images;

    @Override
    public Object execute() throws Exception {
        forEach(images, "failed to remove images", this::remove);
        return null;
    }

    private void remove(String image) {
        for (ImageRemoval step : imageService().remove(image, force, noPrune)) {
            if (step.untagged() != null) {
                System.out.println("Untagged: " + ImageNames.familiarString(step.untagged()));
            } else {
                System.out.println("Deleted: " + step.deleted());
            }
        }
    }
}
