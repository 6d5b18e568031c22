package io.berth.api.runtime;

import java.util.List;

/**
 * What a runtime supports, after the OCI runtime-spec {@code features} document where the runtime has one.
 *
 * @param ociVersionMin oldest runtime-spec version it accepts, empty if unknown
 * @param ociVersionMax newest runtime-spec version it accepts, empty if unknown
 * @param namespaces    namespace types it can create
 * @param capabilities  capabilities it knows
 * @param mountOptions  mount options it knows
 */
public record RuntimeFeatures(String ociVersionMin, String ociVersionMax, List<String> namespaces,
        List<String> capabilities, List<String> mountOptions) {

    public RuntimeFeatures {
        ociVersionMin = ociVersionMin == null ? "" : ociVersionMin;
        ociVersionMax = ociVersionMax == null ? "" : ociVersionMax;
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        mountOptions = mountOptions == null ? List.of() : List.copyOf(mountOptions);
    }

    /** Nothing known. */
    public static final RuntimeFeatures UNKNOWN = new RuntimeFeatures(null, null, null, null, null);
}
