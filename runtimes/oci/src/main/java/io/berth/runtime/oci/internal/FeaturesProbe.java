package io.berth.runtime.oci.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.error.BerthException;
import io.berth.api.runtime.RuntimeFeatures;

/**
 * Reads the OCI runtime-spec {@code features} document ({@code <binary> features}). Runtimes without the
 * subcommand (crun 1.8.1) or with unreadable output get {@link RuntimeFeatures#UNKNOWN}.
 */
final class FeaturesProbe {

    private FeaturesProbe() {
    }

    static RuntimeFeatures probe(RuntimeCli cli) {
        CliResult result = cli.run("features");
        return result.succeeded() ? parse(result.stdout()) : RuntimeFeatures.UNKNOWN;
    }

    static RuntimeFeatures parse(String json) {
        JsonNode node;
        try {
            node = Json.parse(json, "features");
        } catch (BerthException e) {
            return RuntimeFeatures.UNKNOWN;
        }
        JsonNode linux = node.path("linux");
        return new RuntimeFeatures(node.path("ociVersionMin").asText(""), node.path("ociVersionMax").asText(""),
                strings(linux.path("namespaces")), strings(linux.path("capabilities")),
                strings(node.path("mountOptions")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
