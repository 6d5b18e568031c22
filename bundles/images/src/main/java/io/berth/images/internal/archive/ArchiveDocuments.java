package io.berth.images.internal.archive;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The JSON documents of image archives and registries (Jackson models; unknown fields ignored). */
public final class ArchiveDocuments {

    private ArchiveDocuments() {
    }

    /** One element of {@code docker save}'s {@code manifest.json}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"Config", "RepoTags", "Layers"})
    public record DockerManifest(@JsonProperty("Config") String config,
            @JsonProperty("RepoTags") List<String> repoTags, @JsonProperty("Layers") List<String> layers) {

        public DockerManifest {
            repoTags = repoTags == null ? List.of() : repoTags;
            layers = layers == null ? List.of() : layers;
        }
    }

    /** The platform of an index entry. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Platform(@JsonProperty("architecture") String architecture, @JsonProperty("os") String os,
            @JsonProperty("variant") String variant) {
    }

    /** An OCI content descriptor. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"mediaType", "digest", "size", "annotations", "platform"})
    public record Descriptor(@JsonProperty("mediaType") String mediaType, @JsonProperty("digest") String digest,
            @JsonProperty("size") long size, @JsonProperty("annotations") Map<String, String> annotations,
            @JsonProperty("platform") Platform platform) {

        public Descriptor {
            annotations = annotations == null ? Map.of() : annotations;
        }
    }

    /** An OCI image index (also {@code index.json} of a layout) or a Docker manifest list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Index(@JsonProperty("schemaVersion") int schemaVersion,
            @JsonProperty("mediaType") String mediaType, @JsonProperty("manifests") List<Descriptor> manifests) {

        public Index {
            manifests = manifests == null ? List.of() : manifests;
        }
    }

    /** An OCI image manifest or Docker schema 2 manifest. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Manifest(@JsonProperty("schemaVersion") int schemaVersion,
            @JsonProperty("mediaType") String mediaType, @JsonProperty("config") Descriptor config,
            @JsonProperty("layers") List<Descriptor> layers) {

        public Manifest {
            layers = layers == null ? List.of() : layers;
        }
    }
}
