package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.error.UnauthorizedException;
import io.berth.api.image.ProgressEvent;
import io.berth.api.image.PullResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** berth:pull. */
class PullCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeImageService images = new FakeImageService();
    private final PullCommand pull = new PullCommand();

    @BeforeEach
    void inject() {
        pull.setImageService(images);
        images.pullResult = new PullResult("docker.io/library/busybox:latest", "sha256:" + "d".repeat(64),
                "sha256:" + "e".repeat(64), true);
        images.pullEvents = List.of(new ProgressEvent("latest", "Pulling from library/busybox", 0, 0),
                new ProgressEvent("a1b2c3d4e5f6", "Pulling fs layer", 0, 0),
                new ProgressEvent("a1b2c3d4e5f6", "Downloading", 0, 2_000_000),
                new ProgressEvent("a1b2c3d4e5f6", "Downloading", 100_000, 2_000_000),
                new ProgressEvent("a1b2c3d4e5f6", "Downloading", 1_000_000, 2_000_000),
                new ProgressEvent("a1b2c3d4e5f6", "Downloading", 2_000_000, 2_000_000),
                new ProgressEvent("a1b2c3d4e5f6", "Pull complete", 0, 0),
                new ProgressEvent("", "Digest: sha256:" + "d".repeat(64), 0, 0),
                new ProgressEvent("", "Status: Downloaded newer image for busybox:latest", 0, 0));
    }

    @Test
    void showsLayerProgressThenTheReference() throws Exception {
        pull.image = "busybox";
        pull.platform = "linux/arm64";

        pull.execute();

        assertThat(images.calls).containsExactly("pull busybox platform=linux/arm64");
        assertThat(console.out().lines().toList()).containsExactly(
                "latest: Pulling from library/busybox",
                "a1b2c3d4e5f6: Pulling fs layer",
                "a1b2c3d4e5f6: Downloading [>                             ] 0B/2MB",
                "a1b2c3d4e5f6: Downloading [===============>              ] 1MB/2MB",
                "a1b2c3d4e5f6: Downloading [==============================] 2MB/2MB",
                "a1b2c3d4e5f6: Pull complete",
                "Digest: sha256:" + "d".repeat(64),
                "Status: Downloaded newer image for busybox:latest",
                "docker.io/library/busybox:latest");
    }

    @Test
    void quietPrintsOnlyTheReference() throws Exception {
        pull.image = "busybox";
        pull.quiet = true;

        pull.execute();

        assertThat(console.out()).isEqualTo("docker.io/library/busybox:latest\n");
    }

    @Test
    void failuresAndUnsupportedFlagsAreClearErrors() {
        images.failures.put("private/app", new UnauthorizedException("no basic auth credentials"));
        pull.image = "private/app";
        pull.quiet = true;
        assertThatThrownBy(pull::execute).hasMessageContaining("no basic auth credentials");

        pull.allTags = true;
        assertThatThrownBy(pull::execute).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--all-tags is not supported yet");
    }
}
