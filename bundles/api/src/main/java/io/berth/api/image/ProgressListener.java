package io.berth.api.image;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives progress of a long image operation, on the operation's thread. Must not block for long. */
@ConsumerType
@FunctionalInterface
public interface ProgressListener {

    /** Ignores every event. */
    ProgressListener NONE = event -> { };

    void progress(ProgressEvent event);
}
