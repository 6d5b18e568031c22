package io.berth.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.container.LogStream;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.core.internal.config.CoreConfig;
import io.berth.core.internal.events.EventBus;
import io.berth.core.internal.runtime.RuntimeRegistry;
import io.berth.core.internal.testing.FakeImages;
import io.berth.core.internal.testing.FakeRuntime;
import io.berth.core.internal.testing.FakeSnapshots;

class EngineComponentTest {

    @TempDir
    Path tmp;

    @Test
    void activatesWithConfigurationAndDelegatesEveryService() {
        RuntimeRegistry runtimes = new RuntimeRegistry();
        runtimes.register("mock", new FakeRuntime("mock"), "fake 1.0.0");
        EventBus events = new EventBus(10, event -> { });
        CoreConfig config = config(Map.of("root", tmp.resolve("root").toString(),
                "runDir", tmp.resolve("run").toString(), "defaultRuntime", "", "stopTimeout", 3));

        EngineComponent component = new EngineComponent(new FakeImages(), new FakeSnapshots(tmp.resolve("snap")),
                runtimes, events, config, context(Version.emptyVersion));
        try {
            String id = component.create(ContainerSpec.builder("busybox").cmd("sleep").build(), "svc").id();
            component.start("svc");
            component.stop(id, null, null);

            assertThat(component.inspect(id).state().status()).isEqualTo(ContainerStatus.EXITED);
            assertThat(component.list(ContainerFilter.ALL)).hasSize(1);
            assertThat(component.containersUsing(FakeImages.BUSYBOX_ID)).containsExactly(id);
            assertThat(component.info().version()).isEqualTo("dev");
            assertThat(component.info().rootDir()).isEqualTo(tmp.resolve("root"));
            assertThat(component.info().runDir()).isEqualTo(tmp.resolve("run"));
            assertThat(tmp.resolve("root").resolve("exits")).isDirectory();
            assertThatThrownBy(() -> component.top(id)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> component.stats(id)).isInstanceOf(ConflictException.class);
            component.remove(id, false, false);
            assertThatThrownBy(() -> component.inspect(id)).isInstanceOf(NotFoundException.class);
        } finally {
            component.deactivate();
            events.close();
        }
    }

    @Test
    void theExecServiceComponentDelegatesToTheEnginesSessions() throws Exception {
        RuntimeRegistry runtimes = new RuntimeRegistry();
        runtimes.register("mock", new FakeRuntime("mock"), "fake 1.0.0");
        EventBus events = new EventBus(10, event -> { });
        CoreConfig config = config(Map.of("root", tmp.resolve("root").toString(), "stopTimeout", 3));
        EngineComponent engine = new EngineComponent(new FakeImages(), new FakeSnapshots(tmp.resolve("snap")),
                runtimes, events, config, context(Version.parseVersion("1.2.3")));
        try {
            ExecService execs = new ExecServiceComponent(engine);
            String id = engine.create(ContainerSpec.builder("busybox").cmd("sleep").build(), "svc").id();
            engine.start(id);

            assertThat(engine.top(id).processes()).hasSize(1);
            assertThat(engine.stats(id).pidsCurrent()).isEqualTo(3);
            String exec = execs.create("svc", new ExecSpec(List.of("sleep"), null, null, null, false, true));
            execs.start(exec);
            assertThat(execs.inspect(exec).running()).isTrue();
            execs.attachStdin(exec).close();
            try (LogStream output = execs.output(exec, false)) {
                assertThat(output.next()).isNull();
            }
            CompletableFuture<Integer> exit = execs.waitFor(exec);
            engine.stop(id, null, null);
            engine.remove(id, false, false);
            assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(137);
            assertThat(engine.info().version()).isEqualTo("1.2.3");
        } finally {
            engine.deactivate();
            events.close();
        }
    }

    private static CoreConfig config(Map<String, Object> values) {
        return (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(), new Class<?>[] {CoreConfig.class},
                (proxy, method, args) -> values.get(method.getName()));
    }

    private static BundleContext context(Version version) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> method.getName().equals("getVersion") ? version : null);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getBundle") ? bundle : null);
    }
}
