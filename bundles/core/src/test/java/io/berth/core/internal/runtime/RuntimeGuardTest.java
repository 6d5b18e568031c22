package io.berth.core.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;

class RuntimeGuardTest {

    private final AtomicBoolean registered = new AtomicBoolean(true);

    @Test
    void aFailureOfARuntimeThatWentAwayIsUnavailable() {
        OciRuntime guarded = RuntimeGuard.guard("mock", failing(new RejectedExecutionException("terminated")),
                registered::get);
        registered.set(false);

        assertThatThrownBy(() -> guarded.start("c1")).isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("runtime mock is not available: it went away during start")
                .hasCauseInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void failuresOfARuntimeThatIsStillThereAndBerthErrorsPassUnchanged() {
        OciRuntime buggy = RuntimeGuard.guard("mock", failing(new IllegalStateException("bug")), registered::get);
        assertThatThrownBy(() -> buggy.start("c1")).isInstanceOf(IllegalStateException.class).hasMessage("bug");

        registered.set(false);
        OciRuntime answering = RuntimeGuard.guard("mock", failing(new NotFoundException("no c1")), registered::get);
        assertThatThrownBy(() -> answering.start("c1")).isInstanceOf(NotFoundException.class).hasMessage("no c1");
    }

    @Test
    void objectMethodsDoNotReachTheRuntime() {
        OciRuntime guarded = RuntimeGuard.guard("mock", failing(new IllegalStateException("x")), registered::get);

        assertThat(guarded).isEqualTo(guarded);
        assertThat(guarded.toString()).startsWith("guarded ");
    }

    private static OciRuntime failing(RuntimeException failure) {
        return (OciRuntime) Proxy.newProxyInstance(OciRuntime.class.getClassLoader(), new Class<?>[] {OciRuntime.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "failing runtime";
                    }
                    throw failure;
                });
    }
}
