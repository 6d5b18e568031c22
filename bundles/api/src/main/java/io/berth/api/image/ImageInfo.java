package io.berth.api.image;

import java.time.Instant;
import java.util.List;

/**
 * One image in the store.
 *
 * @param id           the image id: {@code sha256:} + hex digest of the image config
 * @param repoTags     normalized references pointing at it ({@code docker.io/library/busybox:latest} is shown
 *                     by front ends as {@code busybox:latest})
 * @param repoDigests  {@code repository@sha256:...} for images pulled by digest
 * @param created      creation time from the image config, {@code null} if absent
 * @param size         bytes of unpacked layer content
 * @param architecture e.g. {@code amd64}
 * @param os           e.g. {@code linux}
 * @param author       author from the image config
 * @param comment      comment from the image config
 * @param config       the runtime defaults
 * @param diffIds      digests of the uncompressed layers, bottom first
 */
public record ImageInfo(String id, List<String> repoTags, List<String> repoDigests, Instant created, long size,
        String architecture, String os, String author, String comment, ImageConfig config,
        List<String> diffIds) {

    public ImageInfo {
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        author = author == null ? "" : author;
        comment = comment == null ? "" : comment;
        config = config == null ? ImageConfig.EMPTY : config;
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }

    /** True when no reference points at the image. */
    public boolean dangling() {
        return repoTags.isEmpty();
    }
}
