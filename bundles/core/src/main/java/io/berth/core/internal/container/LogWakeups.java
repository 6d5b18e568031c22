package io.berth.core.internal.container;

import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;

import io.berth.core.internal.logs.K8sFileLogReader;

/**
 * Wakes a following log reader when its writer ends (the run exits, the exec session ends, the container is
 * removed), so that a follower — {@code docker run}'s attach, {@code logs -f}, {@code exec} — closes at once
 * instead of at the reader's next poll (up to 100 ms later, which every
 * {@code docker run} paid). The reader is held weakly: a follower that went away is not kept alive by a
 * long-running container's future.
 */
final class LogWakeups {

    private LogWakeups() {
    }

    static void onEnd(CompletableFuture<?> end, K8sFileLogReader reader) {
        WeakReference<K8sFileLogReader> ref = new WeakReference<>(reader);
        end.whenComplete((result, failure) -> {
            K8sFileLogReader live = ref.get();
            if (live != null) {
                live.wake();
            }
        });
    }
}
