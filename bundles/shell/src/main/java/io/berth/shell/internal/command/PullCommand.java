package io.berth.shell.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.berth.api.image.ProgressListener;
import io.berth.api.image.PullOptions;
import io.berth.api.image.PullResult;
import io.berth.api.image.RegistryAuth;

/**
 * {@code berth:pull}: pulls an image from its registry with a progress display, then prints the reference as
 * {@code docker pull} does. Registry credentials come from the image store's credentials file
 * ({@code etc/registry-auth.json}).
 */
@Command(scope = "berth", name = "pull", description = "Download an image from a registry")
@Service
public class PullCommand extends BerthCommandSupport {

    @Argument(index = 0, name = "image", description = "NAME[:TAG|@DIGEST]", required = true)
    String image;

    @Option(name = "--platform", description = "Pick this platform (os/arch[/variant]) of a multi-platform image")
    String platform;

    @Option(name = "-q", aliases = "--quiet", description = "Suppress the progress output")
    boolean quiet;

    @Option(name = "-a", aliases = "--all-tags", description = "Download all tagged images (not supported yet)")
    boolean allTags;

    @Override
    public Object execute() throws Exception {
        if (allTags) {
            throw new IllegalArgumentException("--all-tags is not supported yet: pull each tag by name");
        }
        ProgressListener progress = quiet ? ProgressListener.NONE : new PullProgressPrinter(System.out);
        PullResult result = call(() -> imageService().pull(image, new PullOptions(platform, RegistryAuth.NONE),
                progress));
        System.out.println(result.reference());
        return null;
    }
}
