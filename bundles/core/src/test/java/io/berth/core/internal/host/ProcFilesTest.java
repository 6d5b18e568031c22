package io.berth.core.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    private static final String STATUS = "Name:\tjava\nUid:\t0\t1000\t0\t0\nGid:\t0\t0\t0\t0\n"
            + "CapInh:\t0000000000000000\nCapBnd:\t000001fffeffffff\n";

    @Test
    void statusFields() {
        assertThat(ProcFiles.capabilityBounding(STATUS)).hasValue(0x1fffeffffffL);
        assertThat(ProcFiles.effectiveUid(STATUS)).hasValue(1000);
        assertThat(ProcFiles.capabilityBounding("CapBnd:\tzz\n")).isEmpty();
        assertThat(ProcFiles.capabilityBounding("")).isEmpty();
        assertThat(ProcFiles.capabilityBounding("CapBnd:\tffffffffffffffff\n")).hasValue(-1L);
        assertThat(ProcFiles.effectiveUid("Uid:\t5\n")).isEmpty();
    }

    @Test
    void openFileLimit() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max cpu time              unlimited            unlimited            seconds   \n"
                + "Max open files            1024                 20000                files     \n";

        assertThat(ProcFiles.nofileHardLimit(limits)).hasValue(20_000);
        assertThat(ProcFiles.nofileHardLimit("Max open files  unlimited  unlimited  files\n"))
                .hasValue(Long.MAX_VALUE);
        assertThat(ProcFiles.nofileHardLimit("Max open files  x\n")).isEmpty();
        assertThat(ProcFiles.nofileHardLimit("")).isEmpty();
    }

    @Test
    void systemCpuSumsDockersSevenFields() {
        String stat = "cpu  100 2 30 400 5 6 7 8 9 10\ncpu0 1 1 1 1 1 1 1\nbtime 1795798995\n";

        assertThat(ProcFiles.systemCpuNanos(stat)).hasValue(550L * 10_000_000L);
        assertThat(ProcFiles.bootTime(stat)).hasValue(1_795_798_995L);
        assertThat(ProcFiles.systemCpuNanos("cpu 1 2 3\n")).isEmpty();
        assertThat(ProcFiles.systemCpuNanos("cpu a b c d e f g\n")).isEmpty();
        assertThat(ProcFiles.bootTime("")).isEmpty();
    }

    @Test
    void currentHostIsReadable() {
        HostEnvironment host = HostEnvironment.current();

        assertThat(host.hostname()).isNotBlank();
        assertThat(host.nofileHardLimit()).isPositive();
        assertThat(host.procRoot()).isEqualTo(Path.of("/proc"));
        assertThat(ProcFiles.read(Path.of("/proc/does-not-exist"))).isEmpty();
    }
}
