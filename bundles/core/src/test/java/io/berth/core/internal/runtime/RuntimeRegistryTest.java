package io.berth.core.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeNames;
import io.berth.core.internal.testing.FakeRuntime;

class RuntimeRegistryTest {

    private final RuntimeRegistry registry = new RuntimeRegistry();

    @Test
    void absentRuntimeIsAStandInThatRefusesEverything() {
        OciRuntime missing = registry.get("crun");

        assertThat(missing).isInstanceOf(MissingRuntime.class);
        RuntimeInfo info = missing.info();
        assertThat(info.name()).isEqualTo("crun");
        assertThat(info.ready()).isFalse();
        assertThat(info.reason()).isEqualTo("runtime crun is not available");
        List<Runnable> operations = List.of(() -> missing.start("x"), () -> missing.state("x"),
                () -> missing.kill("x", 9, true), () -> missing.delete("x", true), () -> missing.pause("x"),
                () -> missing.resume("x"), () -> missing.openStdin("x"), missing::list,
                () -> missing.create(new RuntimeCreateRequest("x", null, null, null, false, false)));
        for (Runnable operation : operations) {
            assertThatThrownBy(operation::run).isInstanceOf(UnavailableException.class)
                    .hasMessage("runtime crun is not available");
        }
        assertThatThrownBy(() -> registry.require("crun")).isInstanceOf(UnavailableException.class);
    }

    @Test
    void theNewestOfTwoSameNamedRuntimesServesAndTheOlderTakesOver() {
        FakeRuntime first = new FakeRuntime("mock");
        FakeRuntime second = new FakeRuntime("mock");
        registry.register("mock", first, "a 1.0");
        registry.register("mock", second, "b 2.0");
        assertThat(registry.get("mock")).isSameAs(second);
        assertThat(registry.registered()).hasSize(1);

        registry.unregister("mock", second);
        assertThat(registry.get("mock")).isSameAs(first);
        assertThat(registry.find("mock").orElseThrow().bundle()).isEqualTo("a 1.0");

        registry.unregister("mock", second);
        registry.unregister("mock", first);
        assertThat(registry.isPresent("mock")).isFalse();
        assertThat(registry.registered()).isEmpty();
        assertThat(registry.find("mock")).isEmpty();
    }

    @Test
    void updateOrderOldGoneThenNewComes() {
        FakeRuntime old = new FakeRuntime("mock");
        FakeRuntime updated = new FakeRuntime("mock");
        registry.register("mock", old, "m 1.0");
        registry.unregister("mock", old);
        registry.register("mock", updated, "m 1.1");

        assertThat(registry.get("mock")).isSameAs(updated);
    }

    @Test
    void bindReadsNameAndBundleFromTheServiceReference() {
        FakeRuntime runtime = new FakeRuntime("runc");
        List<String> bound = new ArrayList<>();
        registry.addBindListener(bound::add);

        registry.bindRuntime(reference(Map.of(RuntimeNames.PROPERTY, "runc")), runtime);

        assertThat(registry.get("runc")).isSameAs(runtime);
        assertThat(registry.find("runc").orElseThrow().bundle()).isEqualTo("io.berth.runtime.runc 1.2.3");
        assertThat(bound).containsExactly("runc");

        registry.unbindRuntime(reference(Map.of(RuntimeNames.PROPERTY, "runc")), runtime);
        assertThat(registry.isPresent("runc")).isFalse();
    }

    @Test
    void servicesWithInvalidNamesAreIgnored() {
        registry.bindRuntime(reference(Map.of(RuntimeNames.PROPERTY, "/usr/bin/runc")), new FakeRuntime("x"));
        registry.bindRuntime(reference(Map.of()), new FakeRuntime("y"));

        assertThat(registry.registered()).isEmpty();
    }

    @Test
    void failingBindListenerDoesNotStopRegistration() {
        registry.addBindListener(name -> {
            throw new IllegalStateException("boom");
        });

        registry.register("mock", new FakeRuntime("mock"), "");

        assertThat(registry.isPresent("mock")).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<OciRuntime> reference(Map<String, Object> properties) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> "io.berth.runtime.runc";
                    case "getVersion" -> new Version(1, 2, 3);
                    default -> null;
                });
        return (ServiceReference<OciRuntime>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> bundle;
                    case "toString" -> "reference " + properties;
                    default -> null;
                });
    }
}
