package io.berth.images.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;
import io.berth.images.internal.testing.RootRequirement;
import io.berth.images.internal.testing.TarBuilder;
import io.berth.nativeio.internal.linux.LinuxNative;

class ImagesComponentTest {

    @TempDir
    Path root;

    private ImagesConfiguration config(String rootDir) {
        return new ImagesConfiguration() {
            @Override
            public String root() {
                return rootDir;
            }

            @Override
            public String[] insecureRegistries() {
                return new String[0];
            }

            @Override
            public String registryAuthFile() {
                return "";
            }

            @Override
            public int maxConcurrentDownloads() {
                return 3;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ImagesConfiguration.class;
            }
        };
    }

    @Test
    void servesImagesAndSnapshotsFromTheConfiguredRoot() {
        ImagesComponent component = new ImagesComponent(config(root.toString()));
        byte[] tar = new TarBuilder().file("hello", "world").bytes();
        ImageInfo info = component.importImage(new ByteArrayInputStream(tar), ImportOptions.tagged("hello"));

        assertThat(component.inspect("hello")).isEqualTo(info);
        assertThat(component.list(true)).containsExactly(info);
        Path rootfs = component.prepare("c1", info.id());
        assertThat(rootfs).isEqualTo(root.resolve("images/snapshots/c1/rootfs"));
        assertThat(rootfs.resolve("hello")).hasContent("world");
        assertThat(component.path("c1")).isEqualTo(rootfs);
        component.remove("c1");
        component.tag("hello", "hi");
        assertThat(component.remove("hi", false, false)).hasSize(1);

        ImagesComponent restarted = new ImagesComponent(config(root.toString()));
        assertThat(restarted.inspect("hello").id()).isEqualTo(info.id());
    }

    @Test
    void withNativeMountsRootFilesystemsAreOverlaysAndCopiesOtherwise() throws IOException {
        RootRequirement.assumeRootWithOverlay();
        ImagesComponent component = new ImagesComponent(config(root.toString()));
        byte[] tar = new TarBuilder().file("hello", "world").bytes();
        ImageInfo info = component.importImage(new ByteArrayInputStream(tar), ImportOptions.tagged("hello"));
        LinuxNative natives = new LinuxNative();

        component.bindMounts(natives);
        Path merged = component.prepare("c1", info.id());
        try {
            assertThat(merged).isEqualTo(root.resolve("images/snapshots/c1/merged"));
            assertThat(merged.resolve("hello")).hasContent("world");
            assertThat(mountinfo()).contains(" " + merged + " ");
        } finally {
            component.remove("c1");
        }
        assertThat(mountinfo()).doesNotContain(root.toString());

        component.unbindMounts(natives);
        assertThat(component.prepare("c2", info.id())).isEqualTo(root.resolve("images/snapshots/c2/rootfs"));
        component.remove("c2");
    }

    private static String mountinfo() throws IOException {
        return Files.readString(Path.of("/proc/self/mountinfo"));
    }
}
