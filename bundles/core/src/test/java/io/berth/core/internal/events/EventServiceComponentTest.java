package io.berth.core.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import io.berth.api.event.BerthEvent;

class EventServiceComponentTest {

    @Test
    void topicsStayValidForActionsThatCarryACommand() {
        String exec = EventServiceComponent.topicOf(event("exec_create: /bin/sh -c 'echo a.b=c'"));
        String die = EventServiceComponent.topicOf(event("die"));
        String odd = EventServiceComponent.topicOf(event("we ird.action"));

        assertThat(exec).isEqualTo("io/berth/container/exec_create");
        assertThat(die).isEqualTo("io/berth/container/die");
        assertThat(odd).isEqualTo("io/berth/container/we_ird_action");
        for (String topic : new String[] {exec, die, odd}) {
            assertThat(new Event(topic, Map.of()).getTopic()).isEqualTo(topic);
        }
    }

    private static BerthEvent event(String action) {
        return new BerthEvent("container", action, "id", Map.of(), Instant.now());
    }
}
