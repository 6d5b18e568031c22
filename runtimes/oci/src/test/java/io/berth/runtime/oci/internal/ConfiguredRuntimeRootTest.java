package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.nativeio.internal.linux.LinuxNative;
import io.berth.runtime.oci.OciCliProfile;

/**
 * A runtime added by a factory configuration alone: runc under another name, with its own state root, runs
 * a container (needs root, runc, conmon, busybox; CI=true makes their absence a failure).
 */
class ConfiguredRuntimeRootTest {

    private static final Path RUNC = Path.of("/usr/sbin/runc");
    private static final String STATE_ROOT = "/run/berth-test/altrunc";

    @TempDir
    Path dir;

    private final ServiceRegistry registry = new ServiceRegistry();
    private ConfiguredRuntime component;
    private RootFixture fixture;

    @AfterEach
    void cleanUp() {
        if (fixture != null) {
            fixture.cleanUp();
        }
        if (component != null) {
            component.deactivate();
        }
    }

    @Test
    void runcUnderAnotherNameRunsAContainer() throws Exception {
        Requirements.assumeRootAnd(List.of(List.of(RUNC), OciCliProfile.CONMON_CANDIDATES,
                List.of(BusyboxBundle.HOST_BUSYBOX)));
        LinuxNative natives = new LinuxNative();
        Map<String, Object> values = Map.of("name", "altrunc", "binary", RUNC.toString(), "stateRoot", STATE_ROOT);
        component = new ConfiguredRuntime(ConfigValues.of(ConfiguredRuntimeConfig.class, values),
                Map.of("service.pid", "io.berth.runtime.oci.test"), registry.context(),
                new OciDriver(natives, natives, natives), new RuntimeNameClaims());

        assertThat(registry.entries()).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("berth.runtime.name", "altrunc"));
        OciRuntime runtime = (OciRuntime) registry.entries().get(0).service();
        RuntimeInfo info = runtime.info();
        assertThat(info.ready()).as(info.reason()).isTrue();
        assertThat(info.name()).isEqualTo("altrunc");
        assertThat(info.binary()).isEqualTo(RUNC.toString());

        fixture = RootFixture.around(runtime, dir);
        ProcessFiles container = fixture.run(List.of("echo", "hi"), false);
        assertThat(container.awaitExit()).isEqualTo(0);
        assertThat(container.lines("stdout")).containsExactly("hi");
        assertThat(runtime.list()).contains(container.id());
        assertThat(Path.of(STATE_ROOT, container.id())).exists();
    }
}
