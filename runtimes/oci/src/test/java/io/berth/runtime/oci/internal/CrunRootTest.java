package io.berth.runtime.oci.internal;

import org.junit.jupiter.api.Nested;

import io.berth.runtime.oci.OciCliProfile;

/** The runtime contracts with crun through its hybrid-cgroup create wrapper (needs root, crun, conmon, busybox). */
class CrunRootTest {

    @Nested
    class Lifecycle extends RealRuntimeContract {
        @Override
        OciCliProfile profile() {
            return RootFixture.CRUN;
        }
    }

    @Nested
    class ExecAndStats extends RealExecContract {
        @Override
        OciCliProfile profile() {
            return RootFixture.CRUN;
        }
    }
}
