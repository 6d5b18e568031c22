package io.berth.shell.internal.command;

import static io.berth.shell.internal.command.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.image.HistoryEntry;
import io.berth.api.image.ImageRemoval;
import io.berth.api.image.PruneResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** berth:history, berth:image-prune, berth:images --filter, and the wiring of the new commands. */
class HistoryPruneCommandsTest {

    private static final String ID = "sha256:" + Fixtures.id("1b");
    private static final String LONG = "/bin/sh -c #(nop) ADD file:0123456789abcdef0123456789abcdef in / ";

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeImageService images = new FakeImageService()
            .with(Fixtures.image("1b", List.of("docker.io/library/busybox:latest"), List.of(), NOW, 4_261_000))
            .with(Fixtures.image("0a", List.of(), List.of(), NOW.minusSeconds(60), 12));
    private final HistoryCommand history = new HistoryCommand();
    private final ImagePruneCommand prune = new ImagePruneCommand();

    @BeforeEach
    void inject() {
        history.setImageService(images);
        history.setClock(Fixtures.CLOCK);
        prune.setImageService(images);
        images.history = List.of(
                new HistoryEntry(ID, NOW.minusSeconds(3 * 86400), "/bin/sh -c #(nop)  CMD [\"sh\"]",
                        List.of("busybox:latest"), 0, "top"),
                new HistoryEntry("<missing>", NOW.minusSeconds(3 * 86400), LONG, List.of(), 4_261_000, "base"),
                new HistoryEntry("<missing>", null, "", List.of(), 12, "Imported from -"));
    }

    @Test
    void historyPrintsDockersColumns() throws Exception {
        history.image = "busybox:latest";

        history.execute();

        assertThat(Tables.rows(console.out())).containsExactly(
                List.of("IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"),
                List.of("1b0000000000", "3 days ago", "/bin/sh -c #(nop)  CMD [\"sh\"]", "0B", "top"),
                List.of("<missing>", "3 days ago", LONG.substring(0, 44) + "…", "4.26MB", "base"),
                List.of("<missing>", "N/A", "", "12B", "Imported from -"));
    }

    @Test
    void historyNoTruncAndQuiet() throws Exception {
        history.image = "busybox:latest";
        history.noTrunc = true;
        history.quiet = true;

        history.execute();

        assertThat(console.outLines()).containsExactly(ID, "<missing>", "<missing>");
    }

    @Test
    void historyOfAnUnknownImage() {
        history.image = "nosuch";

        assertThatThrownBy(history::execute).isExactlyInstanceOf(Exception.class).hasMessage("No such image: nosuch");
    }

    @Test
    void pruneWithForcePrintsWhatWentAndTheSpace() throws Exception {
        images.pruneResult = new PruneResult(List.of(ImageRemoval.untagged("docker.io/library/busybox:latest"),
                ImageRemoval.deleted(ID)), 4_261_000);
        prune.force = true;
        prune.all = true;

        prune.execute();

        assertThat(images.calls).containsExactly("prune all=true");
        assertThat(console.outLines()).containsExactly("Deleted Images:", "untagged: busybox:latest",
                "deleted: " + ID, "", "Total reclaimed space: 4.26MB");
    }

    @Test
    void pruneAsksFirstAndStopsOnNo() throws Exception {
        List<String> asked = new ArrayList<>();
        prune.prompt = question -> {
            asked.add(question);
            return "n";
        };

        prune.execute();

        assertThat(asked).containsExactly(ImagePruneCommand.QUESTION);
        assertThat(console.outLines()).containsExactly(ImagePruneCommand.DANGLING_WARNING);
        assertThat(images.calls).isEmpty();
    }

    @Test
    void pruneProceedsOnYes() throws Exception {
        prune.prompt = question -> "y";

        prune.execute();

        assertThat(images.calls).containsExactly("prune all=false");
        assertThat(console.outLines()).endsWith("Total reclaimed space: 0B");
    }

    @Test
    void pruneWithoutAConsoleNeedsForce() {
        prune.all = true;

        assertThatThrownBy(prune::execute)
                .hasMessage("cannot ask for confirmation here: use -f to prune without asking");
        assertThat(images.calls).isEmpty();
    }

    @Test
    void imagesFilterDangling() throws Exception {
        ImagesCommand command = new ImagesCommand();
        command.setImageService(images);
        command.setClock(Fixtures.CLOCK);
        command.quiet = true;
        command.filters = List.of("dangling=true");

        command.execute();

        assertThat(console.outLines()).containsExactly("0a0000000000");
    }

    @Test
    void imagesFilterNotDangling() throws Exception {
        ImagesCommand command = new ImagesCommand();
        command.setImageService(images);
        command.quiet = true;
        command.filters = List.of("dangling=false");

        command.execute();

        assertThat(console.outLines()).containsExactly("1b0000000000");
    }

    @Test
    void imagesRejectsUnknownFilters() {
        ImagesCommand command = new ImagesCommand();
        command.setImageService(images);
        command.filters = List.of("label=x");
        assertThatThrownBy(command::execute).hasMessage("invalid filter 'label'");
        command.filters = List.of("dangling=maybe");
        assertThatThrownBy(command::execute).hasMessage("Invalid filter 'dangling=maybe'");
        command.filters = List.of("dangling");
        assertThatThrownBy(command::execute).hasMessage("bad format of filter (expected name=value)");
    }

    @Test
    void newCommandsAreAnnotatedServicesInTheBerthScope() {
        List<Class<? extends Action>> commands = List.of(LoadCommand.class, SaveCommand.class, HistoryCommand.class,
                ImagePruneCommand.class);
        for (Class<? extends Action> type : commands) {
            Command command = type.getAnnotation(Command.class);
            assertThat(command.scope()).isEqualTo("berth");
            assertThat(type.getSimpleName()).isEqualToIgnoringCase(command.name().replace("-", "") + "Command");
            assertThat(type.isAnnotationPresent(Service.class)).isTrue();
        }
    }
}
