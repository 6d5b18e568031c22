package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerSpec;
import io.berth.api.event.BerthEvent;
import io.berth.core.internal.testing.Poll;

class EngineEventsTest extends EngineTest {

    @Test
    void lifecycleEventsArriveInOrderWithDockersAttributes() {
        String id = f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").labels(java.util.Map.of("app", "x"))
                .build(), "evented").id();
        f.engine.start(id);
        f.engine.stop(id, null, null);
        f.engine.remove(id, false, false);

        Poll.until("destroy", () -> f.actions(id).contains("destroy"));
        assertThat(f.actions(id)).containsExactly("create", "start", "kill", "die", "stop", "destroy");
        BerthEvent die = event(id, "die");
        assertThat(die.type()).isEqualTo("container");
        assertThat(die.attributes()).containsEntry("exitCode", "143").containsEntry("name", "evented")
                .containsEntry("image", "busybox").containsEntry("app", "x");
        assertThat(event(id, "kill").attributes()).containsEntry("signal", "15");
    }

    @Test
    void lateSubscribersCanReplayTheHistory() {
        Instant before = Instant.now();
        String id = f.run("exit", "0");
        Poll.until("die", () -> f.actions(id).contains("die"));
        List<String> replayed = new CopyOnWriteArrayList<>();

        f.events.subscribe(before, event -> replayed.add(event.action()));

        Poll.until("replay", () -> replayed.size() == 3);
        assertThat(replayed).containsExactly("create", "start", "die");
    }

    private BerthEvent event(String id, String action) {
        return f.received.stream().filter(e -> e.actorId().equals(id) && e.action().equals(action)).findFirst()
                .orElseThrow();
    }
}
