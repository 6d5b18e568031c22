package io.berth.images.internal.archive;

import java.util.Set;

import io.berth.api.error.InvalidArgumentException;

/** The OCI and Docker media types an archive may carry, and which of them Berth can load. */
public final class MediaTypes {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

    private static final Set<String> LAYERS = Set.of(
            "application/vnd.oci.image.layer.v1.tar",
            "application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
            "application/vnd.docker.image.rootfs.diff.tar",
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

    private MediaTypes() {
    }

    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }

    public static boolean isManifest(String mediaType) {
        return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
    }

    /** Accepts the two image config types (and none given, as some tools write). */
    public static void checkConfig(String mediaType) {
        if (mediaType != null && !OCI_CONFIG.equals(mediaType) && !DOCKER_CONFIG.equals(mediaType)) {
            throw new InvalidArgumentException("unsupported config media type " + mediaType
                    + ": the archive holds something other than a container image");
        }
    }

    /** Accepts plain and gzip layers; zstd and anything else are refused. */
    public static void checkLayer(String mediaType) {
        if (mediaType == null || LAYERS.contains(mediaType)) {
            return;
        }
        String hint = mediaType.endsWith("+zstd") ? " (zstd needs native code; save the image with gzip layers)"
                : "";
        throw new InvalidArgumentException("unsupported layer media type " + mediaType + hint);
    }
}
