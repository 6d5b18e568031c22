package io.berth.images.internal.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.berth.api.image.ImageConfig;

/** The {@code config} object of an OCI image config, with Docker's field names. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal"})
public record RuntimeConfig(
        @JsonProperty("User") String user,
        @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
        @JsonProperty("Env") List<String> env,
        @JsonProperty("Entrypoint") List<String> entrypoint,
        @JsonProperty("Cmd") List<String> cmd,
        @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
        @JsonProperty("WorkingDir") String workingDir,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("StopSignal") String stopSignal) {

    /** The OCI form of the API's image defaults. */
    public static RuntimeConfig of(ImageConfig config) {
        return new RuntimeConfig(config.user(), asSet(config.exposedPorts()), config.env(), config.entrypoint(),
                config.cmd(), asSet(config.volumes()), config.workingDir(), new TreeMap<>(config.labels()),
                config.stopSignal());
    }

    /** The API's view of these defaults. */
    public ImageConfig toImageConfig() {
        return new ImageConfig(env, cmd, entrypoint, workingDir, user, labels, stopSignal,
                exposedPorts == null ? null : List.copyOf(new TreeMap<>(exposedPorts).keySet()),
                volumes == null ? null : List.copyOf(new TreeMap<>(volumes).keySet()));
    }

    private static Map<String, Map<String, Object>> asSet(List<String> keys) {
        Map<String, Map<String, Object>> set = new TreeMap<>();
        keys.forEach(k -> set.put(k, Map.of()));
        return set;
    }
}
