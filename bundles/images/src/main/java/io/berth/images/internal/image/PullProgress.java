package io.berth.images.internal.image;

import io.berth.api.image.ProgressEvent;
import io.berth.api.image.ProgressListener;

/**
 * A pull's progress, handed to the caller's listener one event at a time (downloads report from several threads).
 * A listener that throws loses its events; the pull goes on. Thread-safe.
 */
final class PullProgress {

    private final ProgressListener listener;

    PullProgress(ProgressListener listener) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    void status(String id, String status) {
        progress(id, status, 0, 0);
    }

    synchronized void progress(String id, String status, long current, long total) {
        try {
            listener.progress(new ProgressEvent(id, status, current, total));
        } catch (RuntimeException e) {
            // the caller's display failed; the pull itself is unaffected
        }
    }
}
