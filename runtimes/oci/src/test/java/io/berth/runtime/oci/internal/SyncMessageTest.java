package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.berth.api.error.BerthException;

class SyncMessageTest {

    @Test
    void parsesPidAndFailureLines() {
        assertThat(SyncMessage.parseComplete("{\"data\": 10392}\n")).containsExactly(new SyncMessage(10392, ""));
        assertThat(SyncMessage.parseComplete("{\"data\": -1, \"message\": \"boom\\n\"}\n"))
                .containsExactly(new SyncMessage(-1, "boom\n"));
        assertThat(SyncMessage.parseComplete("{\"data\": -1, \"message\": \"x\"}\n").get(0).failed()).isTrue();
    }

    @Test
    void execSessionsWriteTwoLines() {
        assertThat(SyncMessage.parseComplete("{\"data\": 11950}\n{\"data\": 5}\n"))
                .containsExactly(new SyncMessage(11950, ""), new SyncMessage(5, ""));
    }

    @Test
    void lineStillBeingWrittenIsNotParsed() {
        assertThat(SyncMessage.parseComplete("")).isEmpty();
        assertThat(SyncMessage.parseComplete("{\"data\": 1")).isEmpty();
        assertThat(SyncMessage.parseComplete("{\"data\": 1}\n{\"da")).containsExactly(new SyncMessage(1, ""));
    }

    @Test
    void garbageIsAnError() {
        assertThatThrownBy(() -> SyncMessage.parseComplete("oops\n")).isInstanceOf(BerthException.class)
                .hasMessageContaining("conmon sync message");
    }
}
