package io.berth.api.image;

import java.util.List;

/**
 * What a prune removed.
 *
 * @param removed        untagged references and deleted image ids, as {@code rmi} reports them
 * @param spaceReclaimed bytes freed
 */
public record PruneResult(List<ImageRemoval> removed, long spaceReclaimed) {

    public PruneResult {
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
