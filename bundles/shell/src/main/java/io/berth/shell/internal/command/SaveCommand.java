package io.berth.shell.internal.command;

import io.berth.shell.internal.completers.ImageCompleter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code berth:save}: writes one or more images to a {@code docker save}-compatible tar file on the engine's host.
 * A failed save deletes the partial file.
 */
@Command(scope = "berth", name = "save", description = "Save one or more images to a tar archive")
@Service
public class SaveCommand extends BerthCommandSupport {

    @Option(name = "-o", aliases = "--output", description = "Write to a file (required in the console)")
    String output;

    @Argument(index = 0, name = "images", description = "Images to save (references or IDs)", required = true,
            multiValued = true)
    @Completion(ImageCompleter.class)
    List<String> images;

    @Override
    public Object execute() throws Exception {
        if (output == null || output.isEmpty()) {
            throw new IllegalArgumentException(
                    "cowardly refusing to save to the terminal: give the archive file with -o FILE");
        }
        Path file = Path.of(output);
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("open " + output + ": is a directory");
        }
        boolean saved = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            perform(() -> imageService().save(images, out));
            saved = true;
        } finally {
            if (!saved) {
                deleteQuietly(file);
            }
        }
        return null;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not delete the partial archive " + file + ": " + e.getMessage());
        }
    }
}
