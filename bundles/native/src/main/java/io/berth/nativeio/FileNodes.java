package io.berth.nativeio;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The file system calls overlayfs whiteouts need: mknod(2) and lsetxattr(2). Thread-safe; needs root
 * (CAP_MKNOD for devices, CAP_SYS_ADMIN for {@code trusted.*} attributes).
 */
@ProviderType
public interface FileNodes {

    /** The attribute overlayfs reads to hide a lower directory's content. */
    String OVERLAY_OPAQUE = "trusted.overlay.opaque";

    /**
     * Creates an overlayfs whiteout at {@code path}: a character device with device number 0/0.
     *
     * @throws ErrnoException {@code EEXIST} when something is there already
     */
    void whiteout(Path path) throws IOException;

    /** Sets an extended attribute of {@code path} itself (a symbolic link is not followed). */
    void setXattr(Path path, String name, byte[] value) throws IOException;
}
