package io.berth.runtime.oci.internal;

import java.time.Duration;

import io.berth.nativeio.internal.linux.LinuxNative;

/** {@link ConmonLauncherTest}'s cases with conmon started by the native spawner: sync file as descriptor 3, no shell. */
class ConmonLauncherDirectTest extends ConmonLauncherTest {

    @Override
    ConmonLauncher newLauncher(MonitorCgroups cgroups) {
        return new ConmonLauncher(Duration.ofSeconds(30), new Programs(new LinuxNative()), cgroups);
    }
}
