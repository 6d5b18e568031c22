package io.berth.common.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MountTableTest {

    private static final String MOUNTINFO = String.join("\n",
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
            "22 27 0:21 / /proc rw,relatime shared:5 master:1 - proc proc rw",
            "90 27 0:50 / /var/lib/berth/images/snapshots/c1/merged rw,relatime - overlay overlay "
                    + "rw,lowerdir=/l/b:/l/a,upperdir=/s/c1/upper,workdir=/s/c1/work",
            "91 27 0:51 / /tmp/with\\040space/and\\134backslash rw - tmpfs my\\040tmpfs rw",
            "92 90 0:52 / /var/lib/berth/images/snapshots/c1/merged/proc rw - proc proc rw",
            "not a mountinfo line",
            "");

    private final MountTable table = MountTable.parse(MOUNTINFO);

    @Test
    void parsesMountPointTypeSourceAndOptions() {
        assertThat(table.entries()).hasSize(5);
        MountTable.Entry overlay = table.entries().get(2);
        assertThat(overlay.mountPoint()).isEqualTo(Path.of("/var/lib/berth/images/snapshots/c1/merged"));
        assertThat(overlay.fsType()).isEqualTo("overlay");
        assertThat(overlay.source()).isEqualTo("overlay");
        assertThat(overlay.superOptions()).contains("lowerdir=/l/b:/l/a");
    }

    @Test
    void optionalFieldsBeforeTheSeparatorAreSkipped() {
        MountTable.Entry proc = table.entries().get(1);
        assertThat(proc.mountPoint()).isEqualTo(Path.of("/proc"));
        assertThat(proc.fsType()).isEqualTo("proc");
    }

    @Test
    void octalEscapesAreDecoded() {
        assertThat(table.isMountPoint(Path.of("/tmp/with space/and\\backslash"))).isTrue();
        assertThat(table.entries().get(3).source()).isEqualTo("my tmpfs");
        assertThat(MountTable.unescape("a\\011b\\012c\\0")).isEqualTo("a\tb\nc\\0");
    }

    @Test
    void tellsMountPointsFromOtherDirectories() {
        assertThat(table.isMountPoint(Path.of("/var/lib/berth/images/snapshots/c1/merged"))).isTrue();
        assertThat(table.isMountPoint(Path.of("/var/lib/berth/images/snapshots/c1/merged/"))).isTrue();
        assertThat(table.isMountPoint(Path.of("/var/lib/berth/images/snapshots/c1/./merged"))).isTrue();
        assertThat(table.isMountPoint(Path.of("/var/lib/berth/images/snapshots/c1"))).isFalse();
        assertThat(table.isMountPoint(Path.of("/var/lib/berth/images/snapshots/c1/merge"))).isFalse();
    }

    @Test
    void listsMountsBelowADirectoryDeepestFirst() {
        assertThat(table.mountsBelow(Path.of("/var/lib/berth")).stream().map(MountTable.Entry::mountPoint))
                .containsExactly(Path.of("/var/lib/berth/images/snapshots/c1/merged/proc"),
                        Path.of("/var/lib/berth/images/snapshots/c1/merged"));
    }

    @Test
    void theRealTableHasTheRootMount() {
        assertThat(MountTable.read().isMountPoint(Path.of("/"))).isTrue();
        assertThat(MountTable.isMounted(Path.of("/"))).isTrue();
    }
}
