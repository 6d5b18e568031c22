package io.berth.api.container;

/** Docker's wait conditions. */
public enum WaitCondition {
    /** Completes at once if the container is not running, else at its next exit. */
    NOT_RUNNING("not-running"),
    /** Completes at the container's next exit, even if it is not running now. */
    NEXT_EXIT("next-exit"),
    /** Completes when the container has been removed. */
    REMOVED("removed");

    private final String wireName;

    WaitCondition(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
