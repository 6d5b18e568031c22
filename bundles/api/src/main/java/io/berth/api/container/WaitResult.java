package io.berth.api.container;

/**
 * Outcome of a wait.
 *
 * @param exitCode the container's exit code
 * @param error    an error that ended the wait (empty when none)
 */
public record WaitResult(int exitCode, String error) {

    public WaitResult {
        error = error == null ? "" : error;
    }
}
