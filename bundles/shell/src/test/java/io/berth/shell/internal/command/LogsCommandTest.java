package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.container.LogEntry;
import io.berth.api.container.LogOptions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LogsCommandTest {

    private static final Instant T = Instant.parse("2024-05-01T11:59:00.5Z");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeContainerService containers = new FakeContainerService().with(Fixtures.running("aa", "web"));
    private final LogsCommand logs = new LogsCommand();

    @BeforeEach
    void inject() {
        logs.setContainerService(containers);
        logs.setClock(Fixtures.CLOCK);
        logs.container = "web";
        containers.log = List.of(new LogEntry(LogEntry.Stream.STDOUT, T, "out", false),
                new LogEntry(LogEntry.Stream.STDERR, T, "err", false));
    }

    @Test
    void printsEachStreamToItsConsoleStream() throws Exception {
        logs.execute();

        assertThat(console.out()).isEqualTo("out\n");
        assertThat(console.err()).isEqualTo("err\n");
        assertThat(containers.lastLogOptions).isEqualTo(new LogOptions(false, null, null, -1, false, true, true));
    }

    @Test
    void timestampsUseFixedWidthRfc3339Nano() throws Exception {
        logs.timestamps = true;

        logs.execute();

        assertThat(console.out()).isEqualTo("2024-05-01T11:59:00.500000000Z out\n");
        assertThat(console.err()).isEqualTo("2024-05-01T11:59:00.500000000Z err\n");
    }

    @Test
    void optionsAreTranslated() throws Exception {
        logs.follow = true;
        logs.tail = "5";
        logs.since = "10m";
        logs.until = "2024-05-01T11:59:30Z";

        logs.execute();

        assertThat(containers.lastLogOptions).isEqualTo(new LogOptions(true, Fixtures.NOW.minusSeconds(600),
                Instant.parse("2024-05-01T11:59:30Z"), 5, false, true, true));
    }

    @Test
    void invalidSinceFailsWithoutOpeningTheLog() {
        logs.since = "soon";

        assertThatThrownBy(logs::execute)
                .hasMessage("invalid value for \"since\": failed to parse value as time or duration: \"soon\"");
        assertThat(containers.lastLogOptions).isNull();
    }

    @Test
    void unknownContainerSurfacesTheEnginesMessage() {
        logs.container = "nosuch";

        assertThatThrownBy(logs::execute).isExactlyInstanceOf(Exception.class).hasMessage("No such container: nosuch");
    }

    @Test
    void interruptEndsFollowingCleanlyAndClosesTheStream() throws Exception {
        BlockingLogStream stream = new BlockingLogStream(new LogEntry(LogEntry.Stream.STDOUT, T, "first", false));
        containers.logStream = stream;
        logs.follow = true;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread session = new Thread(() -> {
            try {
                logs.execute();
            } catch (Throwable t) {
                failure.set(t);
            }
        });

        session.start();
        assertThat(stream.blocked.await(10, TimeUnit.SECONDS)).as("reader blocked in next()").isTrue();
        session.interrupt();
        session.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(session.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(stream.closed).isTrue();
        assertThat(console.out()).isEqualTo("first\n");
    }
}
