package io.berth.shell.internal.completers;

import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageService;
import io.berth.shell.internal.command.ImageNames;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes image references in familiar form ({@code busybox:latest}) and short image ids. */
@Service
public class ImageCompleter implements Completer {

    @Reference
    private ImageService imageService;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            for (ImageInfo image : imageService.list(true)) {
                image.repoTags().forEach(tag -> delegate.getStrings().add(ImageNames.familiarString(tag)));
                delegate.getStrings().add(ImageNames.shortId(image.id()));
            }
        } catch (RuntimeException e) {
            // completion must never break the console: no candidates when the store cannot answer
        }
        return delegate.complete(session, commandLine, candidates);
    }

    public void setImageService(ImageService imageService) {
        this.imageService = imageService;
    }
}
