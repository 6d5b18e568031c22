package io.berth.runtime.runc.internal;

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
 * The component with the real driver on this host (needs root, runc and conmon; CI=true makes their absence
 * a failure). The full container contract runs in the oci module's root tests.
 */
class RuncRootSmokeTest {

    private static final LinuxNative NATIVES = new LinuxNative();

    @Test
    void isReadyOnAHostWithRuncAndConmon() {
        requireRootAndRunc();
        RuncRuntime runtime = new RuncRuntime(ConfigValues.of(RuncConfig.class,
                Map.of("stateRoot", "/run/berth-test/runc")), new OciDriver(NATIVES, NATIVES, NATIVES));
        RuntimeInfo info = runtime.info();
        assertThat(info.ready()).as(info.reason()).isTrue();
        assertThat(info.name()).isEqualTo("runc");
        assertThat(info.version()).isNotBlank();
        assertThat(info.features().namespaces()).contains("pid", "mount");
        assertThat(runtime.list()).allMatch(id -> !id.isBlank());
    }

    private static void requireRootAndRunc() {
        boolean root = new UnixSystem().getUid() == 0;
        boolean runc = OciCliProfile.standardLocations("runc").stream().anyMatch(Files::isExecutable);
        boolean conmon = OciCliProfile.CONMON_CANDIDATES.stream().anyMatch(Files::isExecutable);
        if (root && runc && conmon) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must run this test: needs root and runc/conmon");
        }
        System.err.println("SKIPPED: needs root and runc/crun/conmon");
        Assumptions.abort("needs root and runc/conmon");
    }
}
