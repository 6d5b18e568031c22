package io.berth.shell.internal.command;

import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemInfo;
import io.berth.api.system.SystemService;
import java.nio.file.Path;
import java.util.List;

/** A system service answering a fixed {@link SystemInfo}: mock (default, ready), runc (not ready), crun (absent). */
class FakeSystemService implements SystemService {

    SystemInfo info = new SystemInfo("0.1.0", Path.of("/var/lib/berth"), Path.of("/run/berth"), "mock", List.of(
            new RuntimeSummary(new RuntimeInfo("crun", "", "", false, "runtime 'crun' is not available", null), "",
                    false, 1),
            new RuntimeSummary(new RuntimeInfo("mock", "1.0", "", true, "", null), "berth-runtime-mock 0.1.0", true,
                    2),
            new RuntimeSummary(new RuntimeInfo("runc", "1.1.12", "/usr/bin/runc", false, "conmon not found", null),
                    "berth-runtime-runc 0.1.0", true, 0)),
            3, 1, 1, 1, 4);

    @Override
    public SystemInfo info() {
        return info;
    }
}
