package io.berth.shell.internal.command;

import io.berth.shell.internal.completers.ImageCompleter;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code berth:tag}: adds a reference to an image; prints nothing, like {@code docker tag}. */
@Command(scope = "berth", name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")
@Service
public class TagCommand extends BerthCommandSupport {

    @Argument(index = 0, name = "source", description = "The image (reference or ID)", required = true)
    @Completion(ImageCompleter.class)
    String source;

    @Argument(index = 1, name = "target", description = "The new reference, e.g. myimage:1.0", required = true)
    String target;

    @Override
    public Object execute() throws Exception {
        perform(() -> imageService().tag(source, target));
        return null;
    }
}
