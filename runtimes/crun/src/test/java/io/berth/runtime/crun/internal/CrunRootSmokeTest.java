package io.berth.runtime.crun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.sun.security.auth.module.UnixSystem;

import io.berth.api.runtime.RuntimeInfo;
import io.berth.nativeio.internal.linux.LinuxNative;
import io.berth.runtime.oci.OciCliProfile;
import io.berth.runtime.oci.internal.OciDriver;

/**
 * The component with the real driver on this host (needs root, crun and conmon; CI=true makes their absence
 * a failure). The full container contract runs in the oci module's root tests.
 */
class CrunRootSmokeTest {

    private static final LinuxNative NATIVES = new LinuxNative();

    @Test
    void isReadyOnAHostWithCrunAndConmon() {
        requireRootAndCrun();
        CrunRuntime runtime = new CrunRuntime(ConfigValues.of(CrunConfig.class,
                Map.of("stateRoot", "/run/berth-test/crun")), new OciDriver(NATIVES, NATIVES, NATIVES));
        RuntimeInfo info = runtime.info();
        assertThat(info.ready()).as(info.reason()).isTrue();
        assertThat(info.name()).isEqualTo("crun");
        assertThat(info.version()).isNotBlank();
        assertThat(Path.of("/run/berth-test/crun-wrapper.sh")).isExecutable();
        assertThat(runtime.list()).allMatch(id -> !id.isBlank());
    }

    private static void requireRootAndCrun() {
        boolean root = new UnixSystem().getUid() == 0;
        boolean crun = OciCliProfile.standardLocations("crun").stream().anyMatch(Files::isExecutable);
        boolean conmon = OciCliProfile.CONMON_CANDIDATES.stream().anyMatch(Files::isExecutable);
        if (root && crun && conmon) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run this test: needs root and crun/conmon");
        }
        System.err.println("SKIPPED: needs root and runc/crun/conmon");
        Assumptions.abort("needs root and crun/conmon");
    }
}
