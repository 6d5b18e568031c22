package io.berth.shell.internal.command;

import static io.berth.shell.internal.command.Fixtures.NOW;
import static io.berth.shell.internal.command.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerColumnsTest {

    @Test
    void shortCommandIsQuotedWhole() {
        ContainerInfo info = Fixtures.running("aa", "web");

        assertThat(ContainerColumns.command(info, true)).isEqualTo("\"sleep 300\"");
    }

    @Test
    void longCommandIsCutToTwentyColumnsWithAnEllipsis() {
        ContainerInfo info = Fixtures.container("aa", "web", "busybox",
                List.of("sh", "-c", "while true; do echo hi; done"), state(ContainerStatus.RUNNING, 0, NOW, null));

        assertThat(ContainerColumns.command(info, true)).isEqualTo("\"sh -c 'while true; …\"");
        assertThat(ContainerColumns.command(info, false)).isEqualTo("\"sh -c 'while true; do echo hi; done'\"");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(ContainerColumns.quote("echo \"a\\b\"\n")).isEqualTo("\"echo \\\"a\\\\b\\\"\\n\"");
    }

    @Test
    void ellipsisCountsCodePoints() {
        assertThat(ContainerColumns.ellipsis("ééééé", 5)).isEqualTo("ééééé");
        assertThat(ContainerColumns.ellipsis("éééééé", 5)).isEqualTo("éééé…");
    }

    @Test
    void idsAreShortenedUnlessNoTrunc() {
        String id = Fixtures.id("0123456789abcdef");

        assertThat(ContainerColumns.id(id, true)).isEqualTo("0123456789ab");
        assertThat(ContainerColumns.id(id, false)).isEqualTo(id);
    }

    @Test
    void imageIdsAreShortenedLikeContainerIds() {
        ContainerInfo byId = Fixtures.container("aa", "x", "sha256:" + Fixtures.id("feedbeef"), List.of("sh"),
                state(ContainerStatus.CREATED, 0, null, null));

        assertThat(ContainerColumns.image(byId, true)).isEqualTo("feedbeef0000");
        assertThat(ContainerColumns.image(Fixtures.running("aa", "web"), true)).isEqualTo("busybox");
    }

    @Test
    void statusTextsFollowDocker() {
        assertThat(ContainerColumns.status(state(ContainerStatus.RUNNING, 0, NOW.minusSeconds(3), null), NOW))
                .isEqualTo("Up 3 seconds");
        assertThat(ContainerColumns.status(state(ContainerStatus.PAUSED, 0, NOW.minusSeconds(3), null), NOW))
                .isEqualTo("Up 3 seconds (Paused)");
        assertThat(ContainerColumns.status(
                state(ContainerStatus.EXITED, 0, NOW.minusSeconds(600), NOW.minusSeconds(120)), NOW))
                .isEqualTo("Exited (0) 2 minutes ago");
        assertThat(ContainerColumns.status(state(ContainerStatus.CREATED, 0, null, null), NOW)).isEqualTo("Created");
        assertThat(ContainerColumns.status(
                state(ContainerStatus.RESTARTING, 1, NOW.minusSeconds(60), NOW.minusSeconds(5)), NOW))
                .isEqualTo("Restarting (1) 5 seconds ago");
        assertThat(ContainerColumns.status(state(ContainerStatus.REMOVING, 0, null, null), NOW))
                .isEqualTo("Removal In Progress");
        assertThat(ContainerColumns.status(state(ContainerStatus.DEAD, 0, null, null), NOW)).isEqualTo("Dead");
    }

    @Test
    void aContainerThatNeverStartedShowsCreatedEvenWithAnExitCode() {
        assertThat(ContainerColumns.status(state(ContainerStatus.EXITED, 127, null, null), NOW)).isEqualTo("Created");
    }

    @Test
    void justNowIsLessThanASecondAgo() {
        assertThat(ContainerColumns.ago(NOW, NOW)).isEqualTo("Less than a second ago");
        assertThat(ContainerColumns.ago(null, NOW)).isEqualTo("N/A");
    }
}
