package io.berth.images.internal.reference;

import java.util.Map;
import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;

/** Validation of content digests ({@code algorithm:hex}) with the messages of Docker's digest package. */
public final class Digests {

    private static final Map<String, Integer> HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);
    private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]+");

    private Digests() {
    }

    /**
     * Checks a digest of the form {@code algorithm:hex}.
     *
     * @throws InvalidArgumentException for an unsupported algorithm, a wrong length or non-lowercase hex
     */
    public static void validate(String digest) {
        int colon = digest.indexOf(':');
        if (colon < 0) {
            throw new InvalidArgumentException("invalid checksum digest format");
        }
        Integer length = HEX_LENGTHS.get(digest.substring(0, colon));
        if (length == null) {
            throw new InvalidArgumentException("unsupported digest algorithm");
        }
        String hex = digest.substring(colon + 1);
        if (hex.length() != length) {
            throw new InvalidArgumentException("invalid checksum digest length");
        }
        if (!LOWER_HEX.matcher(hex).matches()) {
            throw new InvalidArgumentException("invalid checksum digest format");
        }
    }
}
