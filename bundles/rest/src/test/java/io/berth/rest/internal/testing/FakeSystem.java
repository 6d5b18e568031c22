package io.berth.rest.internal.testing;

import java.nio.file.Path;
import java.util.List;

import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemInfo;
import io.berth.api.system.SystemService;

/** A fixed system: runtimes runc (ready) and crun (not ready). */
public final class FakeSystem implements SystemService {

    @Override
    public SystemInfo info() {
        return new SystemInfo("1.2.3", Path.of("/var/lib/berth"), Path.of("/run/berth"), "runc", List.of(
                new RuntimeSummary(new RuntimeInfo("crun", "1.8.1", "/usr/bin/crun", false, "binary missing", null),
                        "io.berth.runtime.crun", true, 0),
                new RuntimeSummary(new RuntimeInfo("runc", "1.1.5", "/usr/sbin/runc", true, "", null),
                        "io.berth.runtime.runc", true, 2)), 3, 1, 1, 1, 4);
    }
}
