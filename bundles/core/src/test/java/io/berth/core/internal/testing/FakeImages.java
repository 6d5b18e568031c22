package io.berth.core.internal.testing;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.image.ImageConfig;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageRemoval;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImportOptions;

/** Two fixed images: {@code busybox} (cmd {@code sh}, env, a label) and {@code alpine} (nothing). */
public final class FakeImages implements ImageService {

    public static final String BUSYBOX_ID = "sha256:" + "b".repeat(64);
    public static final String ALPINE_ID = "sha256:" + "a".repeat(64);

    public static final ImageConfig BUSYBOX_CONFIG = new ImageConfig(List.of("PATH=/bin", "IMAGE_VAR=1"),
            List.of("sh"), null, "/home", "", Map.of("from", "image", "shared", "image"), "", null, null);

    private final List<ImageInfo> images = List.of(
            image(BUSYBOX_ID, "docker.io/library/busybox:latest", BUSYBOX_CONFIG),
            image(ALPINE_ID, "docker.io/library/alpine:latest", ImageConfig.EMPTY));

    @Override
    public ImageInfo inspect(String ref) {
        String normalized = ref.contains(":") || ref.startsWith("sha256") ? ref : ref + ":latest";
        for (ImageInfo image : images) {
            if (image.repoTags().stream().anyMatch(tag -> tag.endsWith("/" + normalized))
                    || image.id().equals(ref) || image.id().startsWith("sha256:" + ref)) {
                return image;
            }
        }
        throw new NotFoundException("image " + ref + " not known");
    }

    @Override
    public List<ImageInfo> list(boolean all) {
        return images;
    }

    @Override
    public ImageInfo importImage(InputStream rootfsTar, ImportOptions options) {
        throw new InvalidArgumentException("not in this fake");
    }

    @Override
    public void tag(String source, String target) {
        throw new InvalidArgumentException("not in this fake");
    }

    @Override
    public List<ImageRemoval> remove(String ref, boolean force, boolean noPrune) {
        throw new InvalidArgumentException("not in this fake");
    }

    private static ImageInfo image(String id, String tag, ImageConfig config) {
        return new ImageInfo(id, List.of(tag), null, null, 0, "amd64", "linux", null, null, config, null);
    }

    @Override
    public io.berth.api.image.LoadResult load(java.io.InputStream archive,
            io.berth.api.image.ProgressListener progress) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void save(List<String> refs, java.io.OutputStream out) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public List<io.berth.api.image.HistoryEntry> history(String ref) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public io.berth.api.image.PruneResult prune(boolean all) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public io.berth.api.image.PullResult pull(String ref, io.berth.api.image.PullOptions options,
            io.berth.api.image.ProgressListener progress) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void login(io.berth.api.image.RegistryAuth auth) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
