package io.berth.api.image;

/**
 * One step of a long image operation, shaped like Docker's JSON progress messages.
 *
 * @param id      what the step is about (a short layer or image id), empty for the whole operation
 * @param status  what is happening ("Loading layer", "Downloading", "Pull complete", ...)
 * @param current bytes done so far, 0 when not a byte count
 * @param total   bytes in all, 0 when unknown
 */
public record ProgressEvent(String id, String status, long current, long total) {

    public ProgressEvent {
        id = id == null ? "" : id;
        status = status == null ? "" : status;
    }
}
