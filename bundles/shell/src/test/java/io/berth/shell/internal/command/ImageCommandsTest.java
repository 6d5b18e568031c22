package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.error.ConflictException;
import io.berth.api.image.ImageRemoval;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** rmi and tag. */
class ImageCommandsTest {

    private static final String ID = "sha256:" + Fixtures.id("1b");
    private static final String CONFLICT = "conflict: unable to remove repository reference \"user/app:dev\" "
            + "(must force) - container abc is using its referenced image 2c00";

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeImageService images = new FakeImageService()
            .with(Fixtures.image("1b", List.of("docker.io/library/busybox:latest", "docker.io/library/busybox:1"),
                    List.of(), Fixtures.NOW, 1))
            .with(Fixtures.image("2c", List.of("docker.io/user/app:dev"), List.of(), Fixtures.NOW, 1));
    private final RmiCommand rmi = new RmiCommand();

    @BeforeEach
    void inject() {
        rmi.setImageService(images);
        images.removals.put("busybox:latest", List.of(ImageRemoval.untagged("docker.io/library/busybox:latest"),
                ImageRemoval.untagged("docker.io/library/busybox:1"), ImageRemoval.deleted(ID)));
    }

    @Test
    void rmiPrintsDockersLines() throws Exception {
        rmi.images = List.of("busybox:latest");
        rmi.force = true;
        rmi.noPrune = true;

        rmi.execute();

        assertThat(console.outLines()).containsExactly("Untagged: busybox:latest", "Untagged: busybox:1",
                "Deleted: " + ID);
        assertThat(images.calls).containsExactly("remove busybox:latest force=true noPrune=true");
    }

    @Test
    void rmiReportsEachFailureAndContinues() {
        images.failures.put("user/app:dev", new ConflictException(CONFLICT));
        rmi.images = List.of("nosuch", "user/app:dev", "busybox:latest");

        assertThatThrownBy(rmi::execute).hasMessageStartingWith("failed to remove images: nosuch, user/app:dev\nnosuch: ");
        assertThat(console.err().lines()).containsExactly("Error: No such image: nosuch",
                "Error: " + CONFLICT);
        assertThat(console.outLines()).contains("Deleted: " + ID);
    }

    @Test
    void tagPrintsNothing() throws Exception {
        TagCommand tag = new TagCommand();
        tag.setImageService(images);
        tag.source = "busybox:latest";
        tag.target = "mine:1";

        tag.execute();

        assertThat(images.calls).containsExactly("tag busybox:latest mine:1");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void tagOfAnUnknownImageSurfacesTheStoresMessage() {
        TagCommand tag = new TagCommand();
        tag.setImageService(images);
        tag.source = "nosuch";
        tag.target = "mine:1";

        assertThatThrownBy(tag::execute).isExactlyInstanceOf(Exception.class).hasMessage("No such image: nosuch");
    }
}
