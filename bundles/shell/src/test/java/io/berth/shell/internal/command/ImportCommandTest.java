package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    private final FakeImageService images = new FakeImageService();
    private final ImportCommand command = new ImportCommand();
    private Path tarball;

    @BeforeEach
    void inject() throws Exception {
        command.setImageService(images);
        tarball = Files.write(dir.resolve("rootfs.tar"), new byte[] {1, 2, 3});
    }

    @Test
    void importsAFileAndPrintsTheImageId() throws Exception {
        command.source = tarball.toString();
        command.reference = "myimage:1.0";
        command.message = "from shell";
        command.changes = List.of("CMD [\"sh\"]", "ENV A=1");

        command.execute();

        assertThat(images.imported).containsExactly(1, 2, 3);
        assertThat(images.importOptions)
                .isEqualTo(new ImportOptions("myimage:1.0", "from shell", List.of("CMD [\"sh\"]", "ENV A=1")));
        assertThat(console.outLines()).containsExactly("sha256:" + Fixtures.id("abcdef"));
    }

    @Test
    void withoutReferenceTheImageIsUntagged() throws Exception {
        command.source = tarball.toString();

        command.execute();

        assertThat(images.importOptions).isEqualTo(new ImportOptions(null, null, null));
    }

    @Test
    void fileUrlsAreRead() throws Exception {
        command.source = tarball.toUri().toString();

        command.execute();

        assertThat(images.imported).containsExactly(1, 2, 3);
    }

    @Test
    void standardInputIsNotSupported() {
        command.source = "-";

        assertThatThrownBy(command::execute).hasMessage(
                "importing from standard input is not supported in the console: give a file path or URL");
        assertThat(images.importOptions).isNull();
    }

    @Test
    void missingFileUsesDockersWording() {
        command.source = dir.resolve("nosuch.tar").toString();

        assertThatThrownBy(command::execute).hasMessage("open " + command.source + ": no such file or directory");
    }

    @Test
    void aDirectoryIsNotATarball() {
        command.source = dir.toString();

        assertThatThrownBy(command::execute).hasMessage("read " + dir + ": is a directory");
    }

    @Test
    void rejectedArchiveSurfacesWithExactlyTheStoresMessage() {
        command.setImageService(new FakeImageService() {
            @Override
            public ImageInfo importImage(InputStream rootfsTar, ImportOptions options) {
                throw new InvalidArgumentException("archive entry '../etc/passwd' escapes the layer");
            }
        });
        command.source = tarball.toString();

        assertThatThrownBy(command::execute)
                .isExactlyInstanceOf(Exception.class)
                .hasMessage("archive entry '../etc/passwd' escapes the layer");
    }
}
