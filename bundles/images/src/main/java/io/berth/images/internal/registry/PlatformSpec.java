package io.berth.images.internal.registry;

import java.util.Locale;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.archive.ArchiveDocuments;
import io.berth.images.internal.config.Platforms;

/**
 * A platform to pick from a multi-platform image: {@code os[/architecture[/variant]]}, as Docker's
 * {@code --platform}. A missing variant matches any; {@code arm64} and {@code arm64/v8} are the same. Immutable.
 */
public record PlatformSpec(String os, String architecture, String variant) {

    /** The engine's own platform. */
    public static PlatformSpec current() {
        return new PlatformSpec(Platforms.os(), Platforms.currentArchitecture(), "");
    }

    /** Parses {@code linux/arm64/v8}; an empty text is the engine's own platform. */
    public static PlatformSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return current();
        }
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new InvalidArgumentException("invalid platform \"" + text + "\": use os[/arch[/variant]]");
        }
        if (!Platforms.os().equals(parts[0])) {
            throw new InvalidArgumentException("unsupported platform \"" + text + "\": Berth runs "
                    + Platforms.os() + " images only");
        }
        String arch = parts.length > 1 ? Platforms.architecture(parts[1]) : Platforms.currentArchitecture();
        return new PlatformSpec(parts[0], arch, parts.length > 2 ? parts[2] : "");
    }

    boolean matches(ArchiveDocuments.Platform platform) {
        if (platform == null || !os.equals(platform.os()) || !architecture.equals(platform.architecture())) {
            return false;
        }
        return variant.isEmpty() || variant.equals(normalVariant(platform.variant()));
    }

    private String normalVariant(String other) {
        if ((other == null || other.isEmpty()) && "arm64".equals(architecture)) {
            return "v8";
        }
        return other == null ? "" : other;
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
