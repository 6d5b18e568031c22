package io.berth.images.internal.config;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.berth.api.error.InvalidArgumentException;

import io.berth.api.image.ImageConfig;
import io.berth.images.internal.store.Sha256;

/**
 * An OCI image config (the JSON blob whose sha256 is the image id). Unknown fields are ignored when
 * reading; the blob itself is kept verbatim, so nothing is lost.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"created", "author", "architecture", "os", "comment", "config", "rootfs", "history"})
public record OciImageConfig(
        @JsonProperty("created") String created,
        @JsonProperty("author") String author,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("os") String os,
        @JsonProperty("comment") String comment,
        @JsonProperty("config") RuntimeConfig config,
        @JsonProperty("rootfs") RootFs rootfs,
        @JsonProperty("history") List<HistoryEntry> history) {

    /** Parses a config blob. */
    public static OciImageConfig parse(byte[] json) throws IOException {
        return Json.read(json, OciImageConfig.class);
    }

    /** The serialized blob. */
    public byte[] toJson() {
        return Json.write(this);
    }

    /** The creation time, or {@code null} when absent or unparsable. */
    @JsonIgnore
    public Instant createdAt() {
        if (created == null || created.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(created).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The runtime defaults in the API's terms; empty when the config has none. */
    @JsonIgnore
    public ImageConfig imageConfig() {
        return config == null ? ImageConfig.EMPTY : config.toImageConfig();
    }

    /**
     * Checks a parsed config against its manifest: a rootfs of {@code layers} sha256 diff-ids.
     *
     * @param what names the config in the messages ("the config NAME")
     * @throws InvalidArgumentException otherwise
     */
    public static OciImageConfig requireLayers(OciImageConfig config, int layers, String what) {
        if (config == null || config.rootfs() == null) {
            throw new InvalidArgumentException(what + " has no rootfs");
        }
        if (config.diffIds().size() != layers) {
            throw new InvalidArgumentException(what + " lists " + config.diffIds().size()
                    + " layers but the manifest has " + layers);
        }
        for (String diffId : config.diffIds()) {
            if (!Sha256.isDigest(diffId)) {
                throw new InvalidArgumentException(what + " has an invalid diff-id " + diffId);
            }
        }
        return config;
    }

    /** The layer diff-ids, bottom first. */
    @JsonIgnore
    public List<String> diffIds() {
        return rootfs == null ? List.of() : rootfs.diffIds();
    }
}
