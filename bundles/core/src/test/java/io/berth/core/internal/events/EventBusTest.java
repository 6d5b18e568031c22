package io.berth.core.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.berth.api.event.BerthEvent;
import io.berth.api.event.EventService;
import io.berth.core.internal.testing.Poll;

class EventBusTest {

    private final List<BerthEvent> forwarded = new CopyOnWriteArrayList<>();
    private final EventBus bus = new EventBus(5, forwarded::add);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void everySubscriberGetsEveryEventInOrder() {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        bus.subscribe(null, e -> first.add(e.action()));
        bus.subscribe(null, e -> second.add(e.action()));

        List<String> actions = IntStream.range(0, 200).mapToObj(i -> "a" + i).toList();
        actions.forEach(action -> bus.publish(event(action, Instant.now())));

        Poll.until("all delivered", () -> first.size() == 200 && second.size() == 200);
        assertThat(first).isEqualTo(actions);
        assertThat(second).isEqualTo(actions);
        assertThat(forwarded).hasSize(200);
    }

    @Test
    void replaysBoundedHistoryFromSinceThenNewEvents() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 8; i++) {
            bus.publish(event("old" + i, t0.plusSeconds(i)));
        }
        List<String> received = new CopyOnWriteArrayList<>();

        bus.subscribe(t0.plusSeconds(4), e -> received.add(e.action()));
        bus.publish(event("new", t0.plusSeconds(100)));

        Poll.until("replay and new event", () -> received.size() == 5);
        assertThat(received).containsExactly("old4", "old5", "old6", "old7", "new");
    }

    @Test
    void withoutSinceNothingIsReplayed() {
        bus.publish(event("before", Instant.now()));
        List<String> received = new CopyOnWriteArrayList<>();

        bus.subscribe(null, e -> received.add(e.action()));
        bus.publish(event("after", Instant.now()));

        Poll.until("new event", () -> !received.isEmpty());
        assertThat(received).containsExactly("after");
    }

    @Test
    void closedSubscriptionReceivesNothingMore() {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> witness = new CopyOnWriteArrayList<>();
        EventService.Subscription subscription = bus.subscribe(null, e -> received.add(e.action()));
        bus.publish(event("one", Instant.now()));
        Poll.until("first event", () -> received.size() == 1);

        subscription.close();
        bus.subscribe(null, e -> witness.add(e.action()));
        bus.publish(event("two", Instant.now()));

        Poll.until("witness saw the second event", () -> witness.size() == 1);
        assertThat(received).containsExactly("one");
    }

    @Test
    void failingListenerDoesNotStopDelivery() {
        List<String> received = new CopyOnWriteArrayList<>();
        bus.subscribe(null, e -> {
            received.add(e.action());
            throw new IllegalStateException("listener bug");
        });

        bus.publish(event("one", Instant.now()));
        bus.publish(event("two", Instant.now()));

        Poll.until("both events", () -> received.size() == 2);
    }

    private static BerthEvent event(String action, Instant time) {
        return new BerthEvent("container", action, "id", null, time);
    }
}
