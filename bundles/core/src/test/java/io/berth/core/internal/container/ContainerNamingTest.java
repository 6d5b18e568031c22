package io.berth.core.internal.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.CreateResult;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.core.internal.testing.Poll;

class ContainerNamingTest extends EngineTest {

    @Test
    void generatedNamesLookLikeDockersAndAreUnique() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            names.add(create(null).name());
        }

        assertThat(names).hasSize(100).allMatch(name -> name.matches("[a-z]+_[a-z]+[0-9]*"));
    }

    @Test
    void givenNamesAreValidatedAndStrippedOfTheSlash() {
        assertThat(create("/web-1.a_b").name()).isEqualTo("web-1.a_b");
        assertThatThrownBy(() -> create("x")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        assertThatThrownBy(() -> create("-bad")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> create("has space")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void takenNamesConflictWithDockersMessage() {
        String id = create("web").id();

        assertThatThrownBy(() -> create("/web")).isInstanceOf(ConflictException.class)
                .hasMessage("Conflict. The container name \"/web\" is already in use by container \"" + id
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
        assertThat(f.engine.list(ContainerFilter.ALL)).hasSize(1);
    }

    @Test
    void concurrentCreatesWithTheSameNameHaveExactlyOneWinner() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CreateResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return create("contested");
            }));
        }
        go.countDown();

        int winners = 0;
        int conflicts = 0;
        for (Future<CreateResult> result : results) {
            try {
                result.get();
                winners++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                conflicts++;
            }
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(conflicts).isEqualTo(threads - 1);
        assertThat(f.engine.list(ContainerFilter.ALL)).hasSize(1);
    }

    @Test
    void renameMovesTheNameAndAnnouncesIt() {
        String id = create("old").id();
        create("taken");

        f.engine.rename("old", "/new");

        assertThat(f.inspect(id).name()).isEqualTo("new");
        assertThat(f.inspect("new").id()).isEqualTo(id);
        assertThatThrownBy(() -> f.inspect("old")).isInstanceOf(NotFoundException.class);
        assertThat(create("old").name()).isEqualTo("old");
        Poll.until("rename event", () -> f.actions(id).contains("rename"));
        assertThat(f.received).filteredOn(e -> e.action().equals("rename")).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("oldName", "/old")
                        .containsEntry("name", "new"));
        assertThatThrownBy(() -> f.engine.rename(id, "taken")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.engine.rename(id, "new")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> f.engine.rename(id, "?")).isInstanceOf(InvalidArgumentException.class);
        assertThat(f.inspect(id).name()).isEqualTo("new");
    }

    @Test
    void referencesResolveByIdNameAndUniquePrefix() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(create(null).id());
        }
        String id = ids.get(0);
        String name = f.inspect(id).name();

        assertThat(f.inspect(id).id()).isEqualTo(id);
        assertThat(f.inspect(name).id()).isEqualTo(id);
        assertThat(f.inspect("/" + name).id()).isEqualTo(id);
        assertThat(f.inspect(id.substring(0, 12)).id()).isEqualTo(id);
        assertThatThrownBy(() -> f.inspect("zzz")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: zzz");
        assertThatThrownBy(() -> f.inspect("")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void ambiguousPrefixesAreRefused() {
        Set<Character> firstChars = new HashSet<>();
        char shared = 0;
        while (shared == 0) {
            char first = create(null).id().charAt(0);
            if (!firstChars.add(first)) {
                shared = first;
            }
        }
        String prefix = String.valueOf(shared);

        assertThatThrownBy(() -> f.inspect(prefix)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("multiple containers match prefix " + prefix);
    }

    @Test
    void namesWinOverIdPrefixes() {
        String target = create(null).id();
        String prefix = target.substring(0, 4);
        String named = create(prefix).id();

        assertThat(f.inspect(prefix).id()).isEqualTo(named);
        assertThat(f.inspect(target.substring(0, 12)).id()).isEqualTo(target);
    }

    private CreateResult create(String name) {
        return f.engine.create(ContainerSpec.builder("busybox").cmd("sleep").build(), name);
    }
}
