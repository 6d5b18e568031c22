package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.image.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** berth:load and berth:save. */
class LoadSaveCommandsTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    private final FakeImageService images = new FakeImageService()
            .with(Fixtures.image("1b", List.of("docker.io/library/busybox:latest"), List.of(), Fixtures.NOW, 1));
    private final LoadCommand load = new LoadCommand();
    private final SaveCommand save = new SaveCommand();

    @BeforeEach
    void inject() {
        load.setImageService(images);
        save.setImageService(images);
    }

    @Test
    void loadPrintsDockersLines() throws Exception {
        Path archive = Files.write(dir.resolve("images.tar"), new byte[] {1, 2, 3});
        images.loadResult = new LoadResult(List.of("busybox:latest", "quay.io/team/tool:1.2"),
                List.of("sha256:" + Fixtures.id("0a")));
        load.input = archive.toString();

        load.execute();

        assertThat(images.loaded).containsExactly(1, 2, 3);
        assertThat(console.outLines()).containsExactly("Loaded image: busybox:latest",
                "Loaded image: quay.io/team/tool:1.2", "Loaded image ID: sha256:" + Fixtures.id("0a"));
    }

    @Test
    void loadQuietPrintsNothing() throws Exception {
        load.input = Files.write(dir.resolve("images.tar"), new byte[] {1}).toString();
        load.quiet = true;
        images.loadResult = new LoadResult(List.of("busybox:latest"), List.of());

        load.execute();

        assertThat(console.out()).isEmpty();
    }

    @Test
    void loadNeedsAnInputFile() {
        assertThatThrownBy(load::execute).hasMessage(
                "reading from standard input is not supported in the console: give the archive with -i FILE");
        load.input = dir.resolve("nosuch.tar").toString();
        assertThatThrownBy(load::execute).hasMessage("open " + load.input + ": no such file or directory");
        load.input = dir.toString();
        assertThatThrownBy(load::execute).hasMessage("read " + dir + ": is a directory");
    }

    @Test
    void loadFailureSurfacesTheStoresMessage() throws Exception {
        load.input = Files.write(dir.resolve("evil.tar"), new byte[] {1}).toString();
        images.failures.put("load", new InvalidArgumentException(
                "invalid layer entry \"../etc/passwd\": path escapes the layer"));

        assertThatThrownBy(load::execute).isExactlyInstanceOf(Exception.class)
                .hasMessage("invalid layer entry \"../etc/passwd\": path escapes the layer");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void saveWritesTheArchiveToTheFile() throws Exception {
        save.output = dir.resolve("out.tar").toString();
        save.images = List.of("busybox:latest", "sha256:" + Fixtures.id("1b"));

        save.execute();

        assertThat(images.saved).containsExactly("busybox:latest", "sha256:" + Fixtures.id("1b"));
        assertThat(dir.resolve("out.tar")).hasContent("archive");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void saveRefusesTheTerminal() {
        save.images = List.of("busybox:latest");

        assertThatThrownBy(save::execute).hasMessage(
                "cowardly refusing to save to the terminal: give the archive file with -o FILE");
    }

    @Test
    void aFailedSaveLeavesNoPartialFile() {
        save.output = dir.resolve("out.tar").toString();
        save.images = List.of("busybox:latest");
        images.failures.put("save", new InvalidArgumentException("disk full"));

        assertThatThrownBy(save::execute).isExactlyInstanceOf(Exception.class).hasMessage("disk full");
        assertThat(dir.resolve("out.tar")).doesNotExist();
    }

    @Test
    void savingAnUnknownImageFails() {
        save.output = dir.resolve("out.tar").toString();
        save.images = List.of("nosuch");

        assertThatThrownBy(save::execute).hasMessage("No such image: nosuch")
                .hasCauseInstanceOf(NotFoundException.class);
        assertThat(dir.resolve("out.tar")).doesNotExist();
    }
}
