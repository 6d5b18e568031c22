package io.berth.images.internal.snapshot;

import io.berth.common.host.ProcessUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.TempNames;
import io.berth.nativeio.Mounts;

/**
 * Tells whether overlay mounts work for a store: the process is root (overlay keeps whiteouts in
 * {@code trusted.*} attributes), the store's paths fit into mount options, and a tiny overlay mounted in a
 * temporary directory under the snapshots directory shows a lower file and puts a written file into its
 * upper directory. The probe leaves nothing behind (a crash in between leaves a {@code .tmp-} entry that the
 * next start removes). Thread-safe.
 */
final class OverlayProbe implements OverlaySupport.Probe {

    private final Path snapshotsDir;
    private final List<Path> storePaths;
    private final boolean root;

    /**
     * @param snapshotsDir where the probe mounts, and where snapshots will be mounted
     * @param storePaths   other directories whose paths go into mount options (the layers directory)
     * @param root         whether the process runs as root
     */
    OverlayProbe(Path snapshotsDir, List<Path> storePaths, boolean root) {
        this.snapshotsDir = snapshotsDir;
        this.storePaths = List.copyOf(storePaths);
        this.root = root;
    }

    /** A probe for this process. */
    static OverlayProbe forProcess(Path snapshotsDir, Path layersDir) {
        return new OverlayProbe(snapshotsDir, List.of(layersDir), ProcessUser.isRoot());
    }

    @Override
    public String problem(Mounts mounts) {
        if (!root) {
            return "overlay mounts need root";
        }
        try {
            OverlayOptions.checked(snapshotsDir);
            storePaths.forEach(OverlayOptions::checked);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Path probe = snapshotsDir.resolve(TempNames.next());
        try {
            return mountAndCheck(mounts, probe);
        } catch (IOException e) {
            return "a test overlay mount failed: " + e.getMessage();
        } finally {
            FileTrees.deleteQuietly(probe);
        }
    }

    private static String mountAndCheck(Mounts mounts, Path probe) throws IOException {
        Path lower = Files.createDirectories(probe.resolve("lower"));
        Path upper = Files.createDirectories(probe.resolve("upper"));
        Path work = Files.createDirectories(probe.resolve("work"));
        Path merged = Files.createDirectories(probe.resolve("merged"));
        Files.writeString(lower.resolve("lower-file"), "lower");
        mounts.mount("overlay", merged, "overlay", 0, OverlayOptions.build(List.of(lower), upper, work));
        try {
            Files.writeString(merged.resolve("upper-file"), "upper");
            boolean layered = Files.exists(merged.resolve("lower-file")) && Files.exists(upper.resolve("upper-file"))
                    && !Files.exists(lower.resolve("upper-file"));
            return layered ? null : "a test overlay mount did not layer its directories";
        } finally {
            mounts.umount(merged, Mounts.MNT_DETACH);
        }
    }
}
