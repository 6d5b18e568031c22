package io.berth.images.internal.config;

import java.util.Locale;
import java.util.Map;

/** The OCI platform names of the machine the store runs on. */
public final class Platforms {

    private static final Map<String, String> ARCHITECTURES = Map.ofEntries(
            Map.entry("x86_64", "amd64"), Map.entry("aarch64", "arm64"),
            Map.entry("x86", "386"), Map.entry("i386", "386"), Map.entry("i686", "386"));

    private Platforms() {
    }

    /** The OCI architecture ({@code amd64}, {@code arm64}, ...) of a Java {@code os.arch} value; others pass unchanged. */
    public static String architecture(String javaArch) {
        String arch = javaArch.toLowerCase(Locale.ROOT);
        return ARCHITECTURES.getOrDefault(arch, arch);
    }

    /** The OCI architecture of this JVM. */
    public static String currentArchitecture() {
        return architecture(System.getProperty("os.arch", "amd64"));
    }

    /** Berth runs Linux containers only. */
    public static String os() {
        return "linux";
    }
}
