package io.berth.rest.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable routes = new RouteTable();
    private final Router engine = () -> List.of(Route.get("/containers/{id}/json", ex -> { }),
            Route.post("/containers/create", ex -> { }));

    @Test
    void findsMountedRoutesAndNotUnknownOnes() throws Exception {
        routes.add(engine);

        assertThat(routes.await("GET", "/containers/c1/json", Duration.ZERO).params()).containsEntry("id", "c1");
        assertThat(routes.await("GET", "/nothing/here", Duration.ofSeconds(10))).isNull();
        assertThat(routes.await("DELETE", "/containers/c1/json", Duration.ofSeconds(10))).isNull();
    }

    @Test
    void aRequestForARouteWhoseRouterIsAwayWaitsForItsReturn() throws Exception {
        routes.add(engine);
        routes.remove(engine);
        assertThat(routes.find("POST", "/containers/create")).isNull();

        CompletableFuture<RouteTable.Match> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return routes.await("POST", "/containers/create", Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        Router updated = () -> List.of(Route.post("/containers/create", ex -> { }));
        routes.add(updated);

        assertThat(waiting.get(5, TimeUnit.SECONDS).route().pattern()).isEqualTo("/containers/create");
    }

    @Test
    void aRouterThatStaysAwayGivesServiceUnavailable() {
        routes.add(engine);
        routes.remove(engine);

        assertThatThrownBy(() -> routes.await("GET", "/containers/c1/json", Duration.ofMillis(100)))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("being updated");
    }
}
