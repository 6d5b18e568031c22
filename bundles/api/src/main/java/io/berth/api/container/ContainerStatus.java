package io.berth.api.container;

/** Docker's container states, with the lower-case names Docker uses on the wire ({@link #wireName()}). */
public enum ContainerStatus {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

    /** The lower-case name used by Docker ("running", "exited", ...). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
