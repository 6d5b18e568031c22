package io.berth.images.internal.archive;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;

import io.berth.images.internal.config.Json;

/**
 * Tells which images a spooled archive holds. A {@code manifest.json} ({@code docker save}, classic layout
 * or Docker 25+'s OCI layout inside) wins; otherwise {@code index.json} is read as an OCI image layout. Every
 * file named by a digest ({@code blobs/sha256/<hex>}, {@code <hex>.json}) must hash to it. Stateless.
 */
public final class ArchiveLayout {

    static final String DOCKER_MANIFEST = "manifest.json";
    static final String OCI_INDEX = "index.json";
    private static final Pattern NAMED_BY_DIGEST = Pattern.compile("(?:.*/)?(?:blobs/sha256/([a-f0-9]{64})"
            + "|([a-f0-9]{64})\\.json)");

    private ArchiveLayout() {
    }

    /**
     * The images of the archive, in the order it lists them.
     *
     * @param architecture the OCI architecture to pick from multi-platform indexes (the OS is always linux)
     * @throws io.berth.api.error.InvalidArgumentException when the archive is neither layout, a document is
     *         malformed, a named file is missing or outside the archive, or a digest does not match
     */
    public static List<ImageToLoad> plan(Spool spool, String architecture) {
        if (spool.contains(DOCKER_MANIFEST)) {
            return DockerSaveLayout.plan(spool);
        }
        if (spool.contains(OCI_INDEX)) {
            return new OciLayout(spool, architecture).plan();
        }
        throw ArchiveErrors.invalid("no manifest.json or index.json found: not a docker save archive or an OCI "
                + "image layout");
    }

    /** Parses a JSON document of the archive. */
    static <T> T parse(Spool spool, SpooledFile file, JavaType type) {
        try {
            T value = Json.mapper().readValue(spool.readDocument(file), type);
            if (value == null) {
                throw ArchiveErrors.invalid(file.name() + " is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ArchiveErrors.invalid(file.name() + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw ArchiveErrors.invalid(file.name() + " cannot be read: " + e.getMessage(), e);
        }
    }

    static <T> T parse(Spool spool, SpooledFile file, Class<T> type) {
        return parse(spool, file, Json.mapper().constructType(type));
    }

    /** Checks a file whose name is a digest against its content. */
    static void verifyNamedDigest(SpooledFile file, String what) {
        Matcher m = NAMED_BY_DIGEST.matcher(file.name());
        if (!m.matches()) {
            return;
        }
        String expected = "sha256:" + (m.group(1) != null ? m.group(1) : m.group(2));
        if (!expected.equals(file.digest())) {
            throw ArchiveErrors.invalid(what + " digest mismatch: " + file.name() + " should have " + expected
                    + " but has " + file.digest());
        }
    }
}
