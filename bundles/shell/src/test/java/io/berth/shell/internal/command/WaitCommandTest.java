package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.NotFoundException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WaitCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeContainerService containers = new FakeContainerService()
            .with(Fixtures.exited("aa", "job", 3))
            .with(Fixtures.exited("bb", "ok", 0));
    private final WaitCommand wait = new WaitCommand();

    @Test
    void printsEachExitCode() throws Exception {
        wait.setContainerService(containers);
        wait.containers = List.of("job", "ok");

        wait.execute();

        assertThat(console.outLines()).containsExactly("3", "0");
        assertThat(containers.calls).containsExactly("wait job " + WaitCondition.NOT_RUNNING,
                "wait ok " + WaitCondition.NOT_RUNNING);
    }

    @Test
    void failuresFromTheCallAndFromTheFutureAreBothReported() {
        containers.failures.put("gone", new NotFoundException("No such container: gone"));
        wait.setContainerService(containers);
        wait.containers = List.of("nosuch", "job", "gone");

        assertThatThrownBy(wait::execute).hasMessageStartingWith("failed to wait for containers: nosuch, gone\nnosuch: ");
        assertThat(console.outLines()).containsExactly("3");
        assertThat(console.err().lines()).containsExactly("Error: No such container: nosuch",
                "Error: No such container: gone");
    }

    @Test
    void interruptEndsTheWaitWithoutError() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        wait.setContainerService(new FakeContainerService() {
            @Override
            public CompletableFuture<WaitResult> wait(String ref, WaitCondition condition) {
                waiting.countDown();
                return new CompletableFuture<>();
            }
        });
        wait.containers = List.of("job");
        AtomicReference<Object> outcome = new AtomicReference<>("not finished");
        Thread session = new Thread(() -> {
            try {
                outcome.set(wait.execute());
            } catch (Exception e) {
                outcome.set(e);
            }
        });

        session.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        session.interrupt();
        session.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(session.isAlive()).isFalse();
        assertThat(outcome.get()).isNull();
    }
}
