package io.berth.runtime.oci.internal;

import org.junit.jupiter.api.Nested;

import io.berth.runtime.oci.OciCliProfile;

/** The runtime contracts with runc (needs root, runc, conmon, busybox). */
class RuncRootTest {

    @Nested
    class Lifecycle extends RealRuntimeContract {
        @Override
        OciCliProfile profile() {
            return RootFixture.RUNC;
        }
    }

    @Nested
    class ExecAndStats extends RealExecContract {
        @Override
        OciCliProfile profile() {
            return RootFixture.RUNC;
        }
    }
}
