package io.berth.shell.internal.command;

import io.berth.api.image.LoadResult;
import io.berth.api.image.ProgressListener;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code berth:load}: loads images from a {@code docker save} archive or an OCI image layout tar (plain or gzip)
 * on the engine's host, and prints Docker's "Loaded image:" lines.
 */
@Command(scope = "berth", name = "load", description = "Load an image from a tar archive")
@Service
public class LoadCommand extends BerthCommandSupport {

    @Option(name = "-i", aliases = "--input", description = "Read from tar archive file (required in the console)")
    String input;

    @Option(name = "-q", aliases = "--quiet", description = "Suppress the load output")
    boolean quiet;

    @Override
    public Object execute() throws Exception {
        Path file = inputFile();
        LoadResult result;
        try (InputStream archive = new BufferedInputStream(Files.newInputStream(file))) {
            result = call(() -> imageService().load(archive, ProgressListener.NONE));
        }
        if (!quiet) {
            result.references().forEach(reference -> System.out.println("Loaded image: " + reference));
            result.imageIds().forEach(id -> System.out.println("Loaded image ID: " + id));
        }
        return null;
    }

    private Path inputFile() {
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException(
                    "reading from standard input is not supported in the console: give the archive with -i FILE");
        }
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("open " + input + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("read " + input + ": is a directory");
        }
        return path;
    }
}
