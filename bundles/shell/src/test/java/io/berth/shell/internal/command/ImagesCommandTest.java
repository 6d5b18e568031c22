package io.berth.shell.internal.command;

import static io.berth.shell.internal.command.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImagesCommandTest {

    private static final String DIGEST = "sha256:" + "d".repeat(64);

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeImageService images = new FakeImageService()
            .with(Fixtures.image("0a", List.of(), List.of(), NOW.minusSeconds(86400 * 30), 12))
            .with(Fixtures.image("1b", List.of("docker.io/library/busybox:latest", "quay.io/team/tool:1.2"),
                    List.of("docker.io/library/busybox@" + DIGEST), NOW.minusSeconds(3 * 86400), 4_261_000))
            .with(Fixtures.image("2c", List.of("docker.io/user/app:dev"), List.of(), NOW.minusSeconds(7200),
                    1_500_000_000));
    private final ImagesCommand command = new ImagesCommand();

    @BeforeEach
    void inject() {
        command.setImageService(images);
        command.setClock(Fixtures.CLOCK);
    }

    @Test
    void oneRowPerTagInFamiliarFormNewestFirst() throws Exception {
        command.execute();

        assertThat(Tables.rows(console.out())).containsExactly(
                List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"),
                List.of("user/app", "dev", "2c0000000000", "2 hours ago", "1.5GB"),
                List.of("busybox", "latest", "1b0000000000", "3 days ago", "4.26MB"),
                List.of("quay.io/team/tool", "1.2", "1b0000000000", "3 days ago", "4.26MB"),
                List.of("<none>", "<none>", "0a0000000000", "4 weeks ago", "12B"));
        assertThat(images.listedAll).isFalse();
    }

    @Test
    void digestsColumnMatchesByRepository() throws Exception {
        command.digests = true;

        command.execute();

        List<List<String>> rows = Tables.rows(console.out());
        assertThat(rows.get(0)).containsExactly("REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE");
        assertThat(rows.get(2)).startsWith("busybox", "latest", DIGEST);
        assertThat(rows.get(3)).startsWith("quay.io/team/tool", "1.2", "<none>");
    }

    @Test
    void untaggedImagePulledByDigestShowsItsRepository() {
        List<ImageRows.ImageRow> rows = ImageRows.rows(Fixtures.image("3d", List.of(),
                List.of("docker.io/library/alpine@" + DIGEST), NOW, 1));

        assertThat(rows).containsExactly(new ImageRows.ImageRow("alpine", "<none>", DIGEST));
    }

    @Test
    void quietPrintsEachIdOnce() throws Exception {
        command.quiet = true;
        command.all = true;

        command.execute();

        assertThat(console.outLines()).containsExactly("2c0000000000", "1b0000000000", "0a0000000000");
        assertThat(images.listedAll).isTrue();
    }

    @Test
    void noTruncShowsFullIds() throws Exception {
        command.quiet = true;
        command.noTrunc = true;

        command.execute();

        assertThat(console.outLines()).first().isEqualTo("sha256:" + Fixtures.id("2c"));
    }

    @Test
    void noFormatPrintsRowsOnly() throws Exception {
        command.noFormat = true;

        command.execute();

        assertThat(console.out()).doesNotContain("REPOSITORY");
        assertThat(Tables.rows(console.out())).hasSize(4);
    }
}
