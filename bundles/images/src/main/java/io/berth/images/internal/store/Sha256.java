package io.berth.images.internal.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;

/** sha256 digests in the {@code sha256:<64 hex>} form used for blob digests, diff-ids and image ids. */
public final class Sha256 {

    public static final String PREFIX = "sha256:";
    private static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");
    private static final int SHORT_LENGTH = 12;

    private Sha256() {
    }

    /** A fresh sha256 hasher. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The {@code sha256:<hex>} form of a finished hasher (which is reset). */
    public static String format(MessageDigest digest) {
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of a byte array. */
    public static String of(byte[] data) {
        MessageDigest digest = newDigest();
        digest.update(data);
        return format(digest);
    }

    /** True for {@code sha256:} followed by 64 lowercase hex digits. */
    public static boolean isDigest(String text) {
        return text != null && text.startsWith(PREFIX) && isHex(text.substring(PREFIX.length()));
    }

    /** True for exactly 64 lowercase hex digits. */
    public static boolean isHex(String text) {
        return HEX.matcher(text).matches();
    }

    /**
     * The hex part of a digest.
     *
     * @throws InvalidArgumentException when {@code digest} is not a sha256 digest
     */
    public static String hex(String digest) {
        if (!isDigest(digest)) {
            throw new InvalidArgumentException("invalid sha256 digest: " + digest);
        }
        return digest.substring(PREFIX.length());
    }

    /** The 12-character short form Docker shows for ids ({@code sha256:} is dropped). */
    public static String shortId(String id) {
        String hex = id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
        return hex.length() <= SHORT_LENGTH ? hex : hex.substring(0, SHORT_LENGTH);
    }
}
