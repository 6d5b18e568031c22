package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.container.ContainerStatus;
import io.berth.api.error.UnavailableException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PsCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeContainerService containers = new FakeContainerService()
            .with(Fixtures.running("aaaa1111bbbb2222", "web"))
            .with(Fixtures.exited("cccc3333dddd4444", "job", 3));
    private final PsCommand ps = new PsCommand();

    @BeforeEach
    void inject() {
        ps.setContainerService(containers);
        ps.setClock(Fixtures.CLOCK);
    }

    @Test
    void printsDockersColumns() throws Exception {
        ps.all = true;

        ps.execute();

        List<List<String>> rows = Tables.rows(console.out());
        assertThat(rows.get(0)).containsExactly("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "NAMES");
        assertThat(rows.get(1)).containsExactly("aaaa1111bbbb", "busybox", "\"sleep 300\"", "About an hour ago",
                "Up 3 seconds", "web");
        assertThat(rows.get(2)).containsExactly("cccc3333dddd", "busybox", "\"true\"", "About an hour ago",
                "Exited (3) 2 minutes ago", "job");
        assertThat(containers.lastFilter.all()).isTrue();
    }

    @Test
    void withoutAllAsksForRunningContainersOnly() throws Exception {
        ps.execute();

        assertThat(containers.lastFilter.all()).isFalse();
    }

    @Test
    void quietPrintsShortIdsOnly() throws Exception {
        ps.quiet = true;

        ps.execute();

        assertThat(console.outLines()).containsExactly("aaaa1111bbbb", "cccc3333dddd");
    }

    @Test
    void noTruncPrintsFullIdsAndCommands() throws Exception {
        ps.quiet = true;
        ps.noTrunc = true;

        ps.execute();

        assertThat(console.outLines())
                .containsExactly(Fixtures.id("aaaa1111bbbb2222"), Fixtures.id("cccc3333dddd4444"));
    }

    @Test
    void noFormatLeavesOutHeaderAndBorders() throws Exception {
        ps.noFormat = true;

        ps.execute();

        assertThat(console.out()).doesNotContain("CONTAINER ID").contains("aaaa1111bbbb");
        assertThat(Tables.rows(console.out())).hasSize(2);
    }

    @Test
    void filtersArePassedToTheEngine() throws Exception {
        ps.filters = List.of("status=exited", "name=job");

        ps.execute();

        assertThat(containers.lastFilter.statuses()).containsExactly(ContainerStatus.EXITED);
        assertThat(containers.lastFilter.names()).containsExactly("job");
    }

    @Test
    void invalidFilterFailsBeforeAskingTheEngine() {
        ps.filters = List.of("x=1");

        assertThatThrownBy(ps::execute).hasMessage("invalid filter 'x'");
        assertThat(containers.lastFilter).isNull();
    }

    @Test
    void engineFailureSurfacesWithItsMessage() {
        ps.setContainerService(new FakeContainerService() {
            @Override
            public List<io.berth.api.container.ContainerInfo> list(io.berth.api.container.ContainerFilter filter) {
                throw new UnavailableException("the engine is shutting down");
            }
        });

        assertThatThrownBy(ps::execute).hasMessage("the engine is shutting down");
    }
}
