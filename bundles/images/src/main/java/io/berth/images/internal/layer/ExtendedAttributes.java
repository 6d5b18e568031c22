package io.berth.images.internal.layer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extended attributes of tar entries: the PAX records {@code SCHILY.xattr.<name>} (GNU tar, Docker) and
 * {@code LIBARCHIVE.xattr.<name>} (base64 value). Only the {@code user.*} namespace is applied, through
 * {@link UserDefinedFileAttributeView}; {@code security.*} (file capabilities) and {@code trusted.*} need
 * native calls and are skipped with a warning. A file system without user attributes is logged once and
 * not an error. Stateless apart from that one-time warning; thread-safe.
 */
final class ExtendedAttributes {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendedAttributes.class);
    private static final String SCHILY = "SCHILY.xattr.";
    private static final String LIBARCHIVE = "LIBARCHIVE.xattr.";
    private static final String USER = "user.";
    private static final AtomicBoolean UNSUPPORTED_LOGGED = new AtomicBoolean();

    private ExtendedAttributes() {
    }

    /** The attributes an entry carries, by full name ({@code user.comment}); values as raw bytes. */
    static Map<String, byte[]> of(TarArchiveEntry entry) {
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
            String key = header.getKey();
            if (key.startsWith(SCHILY)) {
                result.put(key.substring(SCHILY.length()), header.getValue().getBytes(StandardCharsets.UTF_8));
            } else if (key.startsWith(LIBARCHIVE)) {
                result.put(java.net.URLDecoder.decode(key.substring(LIBARCHIVE.length()), StandardCharsets.UTF_8),
                        decodeBase64(header.getValue()));
            }
        }
        return result;
    }

    private static byte[] decodeBase64(String value) {
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Sets the {@code user.*} attributes on a file or directory (never on a symbolic link). */
    static void apply(Path path, Map<String, byte[]> xattrs, String entryName) throws IOException {
        if (xattrs.isEmpty()) {
            return;
        }
        UserDefinedFileAttributeView view = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        for (Map.Entry<String, byte[]> xattr : xattrs.entrySet()) {
            if (!xattr.getKey().startsWith(USER)) {
                LOG.warn("skipping extended attribute {} of {}: only user.* attributes can be set without "
                        + "native calls", xattr.getKey(), entryName);
                continue;
            }
            if (view == null || !write(view, xattr.getKey().substring(USER.length()), xattr.getValue())) {
                logUnsupported(path);
                return;
            }
        }
    }

    private static boolean write(UserDefinedFileAttributeView view, String name, byte[] value) throws IOException {
        try {
            view.write(name, ByteBuffer.wrap(value));
            return true;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("not supported")) {
                return false;
            }
            throw e;
        }
    }

    private static void logUnsupported(Path path) {
        if (UNSUPPORTED_LOGGED.compareAndSet(false, true)) {
            LOG.warn("the file system of {} has no user extended attributes; layer attributes are dropped", path);
        }
    }
}
