package io.berth.images.internal.files;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names of temporary files and directories. Every temporary entry the store creates starts with
 * {@value #PREFIX}, so a restart can find and delete what a crash left behind. Thread-safe.
 */
public final class TempNames {

    public static final String PREFIX = ".tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempNames() {
    }

    /** A fresh, unpredictable temporary name. */
    public static String next() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** True for names made by {@link #next()}. */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(PREFIX);
    }
}
