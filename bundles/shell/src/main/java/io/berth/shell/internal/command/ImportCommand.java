package io.berth.shell.internal.command;

import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code berth:import}: creates an image from a root filesystem tarball (plain or gzip), read from a file of the
 * engine's host or an http(s)/file URL, and prints the new image's id.
 */
@Command(scope = "berth", name = "import",
        description = "Import the contents from a tarball to create a filesystem image")
@Service
public class ImportCommand extends BerthCommandSupport {

    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "file");

    @Option(name = "-c", aliases = "--change", multiValued = true,
            description = "Apply Dockerfile instruction to the created image "
                    + "(CMD, ENTRYPOINT, ENV, WORKDIR, USER, LABEL, STOPSIGNAL, EXPOSE, VOLUME)")
    List<String> changes;

    @Option(name = "-m", aliases = "--message", description = "Set commit message for imported image")
    String message;

    @Argument(index = 0, name = "source", description = "Path or URL of the tarball", required = true)
    String source;

    @Argument(index = 1, name = "reference", description = "Reference to tag the image with, e.g. myimage:1.0")
    String reference;

    @Override
    public Object execute() throws Exception {
        ImportOptions options = new ImportOptions(reference, message, changes);
        try (InputStream tarball = open()) {
            ImageInfo image = call(() -> imageService().importImage(tarball, options));
            System.out.println(image.id());
        }
        return null;
    }

    private InputStream open() throws IOException {
        if ("-".equals(source)) {
            throw new IllegalArgumentException(
                    "importing from standard input is not supported in the console: give a file path or URL");
        }
        int colon = source.indexOf(':');
        if (colon > 1 && URL_SCHEMES.contains(source.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return URI.create(source).toURL().openStream();
        }
        Path path = Path.of(source);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("open " + source + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("read " + source + ": is a directory");
        }
        return Files.newInputStream(path);
    }
}
