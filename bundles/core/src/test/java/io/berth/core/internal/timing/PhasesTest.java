package io.berth.core.internal.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhasesTest {

    private record Phase(String id, String name, long nanos) {
    }

    @TempDir
    Path tmp;

    private final List<Phase> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopListening() {
        Phases.listen(null);
    }

    @Test
    void offByDefaultNothingIsTimedOrReported() {
        assertThat(Phases.enabled()).isFalse();
        long begin = Phases.begin();

        Phases.end("c1", "record write", begin);

        assertThat(begin).isZero();
        assertThat(seen).isEmpty();
    }

    @Test
    void aListenerReceivesEachPhaseWithItsDuration() {
        Phases.listen((id, name, nanos) -> seen.add(new Phase(id, name, nanos)));
        long begin = Phases.begin();

        Phases.end("c1", "bundle write", begin);

        assertThat(seen).singleElement().satisfies(phase -> {
            assertThat(phase.id()).isEqualTo("c1");
            assertThat(phase.name()).isEqualTo("bundle write");
            assertThat(phase.nanos()).isNotNegative();
        });
    }

    @Test
    void aPhaseBegunWhileOffIsNotReportedAfterTimingWasSwitchedOn() {
        long begin = Phases.begin();
        Phases.listen((id, name, nanos) -> seen.add(new Phase(id, name, nanos)));

        Phases.end("c1", "runtime create", begin);

        assertThat(seen).isEmpty();
    }

    @Test
    void sinceModifiedReportsTheAgeOfTheFile() throws Exception {
        Phases.listen((id, name, nanos) -> seen.add(new Phase(id, name, nanos)));
        Path exitFile = Files.writeString(tmp.resolve("c1"), "0");
        Files.setLastModifiedTime(exitFile, FileTime.from(Instant.now().minusSeconds(5)));

        Phases.sinceModified("c1", "exit detection", exitFile);
        Phases.sinceModified("c2", "exit detection", tmp.resolve("missing"));

        assertThat(seen).singleElement().satisfies(phase -> {
            assertThat(phase.id()).isEqualTo("c1");
            assertThat(phase.nanos()).isGreaterThanOrEqualTo(5_000_000_000L);
        });
    }
}
