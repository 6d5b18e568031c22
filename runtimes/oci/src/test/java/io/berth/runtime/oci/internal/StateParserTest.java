package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.berth.api.error.BerthException;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.runtime.oci.internal.StateParser.ContainerDocument;

class StateParserTest {

    private static final String RUNC_CREATED = "{\n  \"ociVersion\": \"1.0.2-dev\",\n  \"id\": \"t2\",\n"
            + "  \"pid\": 10602,\n  \"status\": \"created\",\n  \"bundle\": \"/tmp/exp/b\",\n"
            + "  \"rootfs\": \"/tmp/exp/b/rootfs\",\n"
            + "  \"created\": \"2026-11-27T17:14:35.996543618Z\",\n  \"owner\": \"\"\n}";
    private static final String CRUN_STOPPED = "{\"ociVersion\": \"1.0.0\", \"id\": \"t8\", \"pid\": 11296,"
            + " \"status\": \"stopped\", \"bundle\": \"/b\", \"systemd-scope\": \"\", \"owner\": \"root\"}";

    @Test
    void parsesRuncState() {
        ContainerDocument document = StateParser.parseState(RUNC_CREATED);
        assertThat(document.state()).isEqualTo(new RuntimeState("t2", RuntimeStatus.CREATED, 10602));
        assertThat(document.bundle()).isEqualTo(Path.of("/tmp/exp/b"));
    }

    @Test
    void stoppedContainerHasNoPid() {
        assertThat(StateParser.parseState(CRUN_STOPPED).state())
                .isEqualTo(new RuntimeState("t8", RuntimeStatus.STOPPED, 0));
    }

    @Test
    void mapsEveryStatusWord() {
        assertThat(StateParser.status("creating")).isEqualTo(RuntimeStatus.CREATED);
        assertThat(StateParser.status("running")).isEqualTo(RuntimeStatus.RUNNING);
        assertThat(StateParser.status("pausing")).isEqualTo(RuntimeStatus.PAUSED);
        assertThat(StateParser.status("paused")).isEqualTo(RuntimeStatus.PAUSED);
        assertThat(StateParser.status("stopped")).isEqualTo(RuntimeStatus.STOPPED);
        assertThatThrownBy(() -> StateParser.status("exploded")).isInstanceOf(BerthException.class)
                .hasMessageContaining("unknown runtime status 'exploded'");
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> StateParser.parseState("not json")).isInstanceOf(BerthException.class)
                .hasMessageContaining("cannot parse runtime state");
    }

    @Test
    void parsesListsOfBothRuntimes() {
        assertThat(StateParser.parseList("null")).isEmpty();
        assertThat(StateParser.parseList("[\n\n]")).isEmpty();
        assertThat(StateParser.parseList("")).isEmpty();
        assertThat(StateParser.parseList("[{\"id\":\"a\",\"status\":\"running\"},{\"id\":\"b\"}]"))
                .containsExactly("a", "b");
    }

    @Test
    void parsesEveryStateFromOneList() {
        assertThat(StateParser.parseStates("null")).isEmpty();
        assertThat(StateParser.parseStates("[\n\n]")).isEmpty();
        assertThat(StateParser.parseStates("")).isEmpty();
        String runc = "[{\"ociVersion\":\"1.0.2-dev\",\"id\":\"a\",\"pid\":4242,\"status\":\"running\","
                + "\"bundle\":\"/b/a\",\"rootfs\":\"/b/a/rootfs\",\"created\":\"2026-11-27T22:00:00Z\","
                + "\"owner\":\"root\"},{\"id\":\"b\",\"pid\":0,\"status\":\"stopped\"},"
                + "{\"id\":\"c\",\"pid\":77,\"status\":\"paused\"},{\"id\":\"d\",\"pid\":78,\"status\":\"created\"}]";
        assertThat(StateParser.parseStates(runc)).containsExactly(
                entry("a", new RuntimeState("a", RuntimeStatus.RUNNING, 4242)),
                entry("b", new RuntimeState("b", RuntimeStatus.STOPPED, 0)),
                entry("c", new RuntimeState("c", RuntimeStatus.PAUSED, 77)),
                entry("d", new RuntimeState("d", RuntimeStatus.CREATED, 78)));
        assertThatThrownBy(() -> StateParser.parseStates("[{\"id\":\"x\",\"status\":\"exploding\"}]"))
                .hasMessageContaining("unknown runtime status 'exploding'");
    }

    @Test
    void parsesProcessLists() {
        assertThat(StateParser.parsePids("[\n  11296\n]")).containsExactly(11296);
        assertThat(StateParser.parsePids("[1,2,3]")).containsExactly(1, 2, 3);
        assertThat(StateParser.parsePids("null")).isEmpty();
    }
}
