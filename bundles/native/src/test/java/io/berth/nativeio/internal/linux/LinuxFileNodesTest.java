package io.berth.nativeio.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.FileNodes;
import io.berth.nativeio.Mounts;

/** Whiteouts and the opaque attribute, checked by what an overlay mount makes of them. */
class LinuxFileNodesTest {

    private final LinuxNative natives = new LinuxNative();

    @TempDir
    Path dir;

    @BeforeEach
    void needsRoot() {
        RootRequirement.assumeRoot();
    }

    @Test
    void aWhiteoutIsACharacterDevice00ThatHidesTheLowerFile() throws IOException {
        Path lower = Files.createDirectories(dir.resolve("lower"));
        Files.writeString(lower.resolve("gone"), "x");
        Files.writeString(lower.resolve("kept"), "y");
        Path upperLayer = Files.createDirectories(dir.resolve("layer"));

        natives.whiteout(upperLayer.resolve("gone"));

        assertThat(Files.getAttribute(upperLayer.resolve("gone"), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(0L);
        assertThat(Files.isRegularFile(upperLayer.resolve("gone"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThatThrownBy(() -> natives.whiteout(upperLayer.resolve("gone")))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(17));
        Path merged = mount(upperLayer, lower);
        try {
            assertThat(merged.resolve("gone")).doesNotExist();
            assertThat(merged.resolve("kept")).hasContent("y");
        } finally {
            natives.umount(merged, 0);
        }
    }

    @Test
    void theOpaqueAttributeHidesTheLowerDirectorysContent() throws IOException {
        Path lower = Files.createDirectories(dir.resolve("lower/d"));
        Files.writeString(lower.resolve("old"), "x");
        Path layer = Files.createDirectories(dir.resolve("layer/d"));
        Files.writeString(layer.resolve("new"), "y");

        natives.setXattr(layer, FileNodes.OVERLAY_OPAQUE, "y".getBytes(StandardCharsets.US_ASCII));

        Path merged = mount(dir.resolve("layer"), dir.resolve("lower"));
        try {
            assertThat(merged.resolve("d/old")).doesNotExist();
            assertThat(merged.resolve("d/new")).hasContent("y");
        } finally {
            natives.umount(merged, 0);
        }
    }

    @Test
    void failuresNameTheCallAndThePath() {
        Path missing = dir.resolve("no/such/dir/file");
        assertThatThrownBy(() -> natives.whiteout(missing)).isInstanceOf(ErrnoException.class)
                .hasMessageContaining("mknod " + missing);
        assertThatThrownBy(() -> natives.setXattr(missing, "trusted.x", new byte[] {1}))
                .isInstanceOf(ErrnoException.class).hasMessageContaining("lsetxattr trusted.x on " + missing);
    }

    /** A read-only overlay of two lower directories (top first). */
    private Path mount(Path top, Path bottom) throws IOException {
        Path merged = Files.createDirectories(dir.resolve("merged"));
        natives.mount("overlay", merged, "overlay", Mounts.MS_RDONLY, "lowerdir=" + top + ":" + bottom);
        return merged;
    }
}
