package io.berth.runtime.oci.internal;

import io.berth.common.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The script conmon runs instead of crun for {@code create}: crun refuses hybrid cgroup hosts, so the
 * script runs it in a private mount namespace from which the cgroup2 {@code unified} mount is removed.
 * The umount may fail (hosts without hybrid mode); crun runs anyway. The engine's PATH may be minimal, so
 * the script puts the system directories first. Other commands call crun directly.
 */
final class CreateWrapper {

    private CreateWrapper() {
    }

    /** Writes (atomically, mode 0755) the wrapper for {@code binary} unless it already has that content. */
    static void write(Path wrapper, Path unshare, Path binary) throws IOException {
        byte[] content = script(unshare, binary).getBytes(StandardCharsets.UTF_8);
        if (Files.exists(wrapper) && java.util.Arrays.equals(Files.readAllBytes(wrapper), content)
                && Files.isExecutable(wrapper)) {
            return;
        }
        Files.createDirectories(wrapper.getParent());
        AtomicFiles.write(wrapper, content, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static String script(Path unshare, Path binary) {
        return "#!/bin/sh\n"
                + "# Berth: runs the runtime in a private mount namespace without /sys/fs/cgroup/unified.\n"
                + "exec " + quote(unshare.toString()) + " -m --propagation private /bin/sh -c "
                + "'PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH; umount /sys/fs/cgroup/unified 2>/dev/null; "
                + "exec \"$0\" \"$@\"' "
                + quote(binary.toString()) + " \"$@\"\n";
    }

    /** Single-quotes {@code text} for sh. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
