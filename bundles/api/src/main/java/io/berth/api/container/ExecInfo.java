package io.berth.api.container;

/**
 * An exec session.
 *
 * @param id          64 hex characters
 * @param containerId the container it runs in
 * @param spec        what it runs
 * @param running     whether its process runs now
 * @param exitCode    its exit code once it has ended, else {@code null}
 * @param started     whether it has been started
 */
public record ExecInfo(String id, String containerId, ExecSpec spec, boolean running, Integer exitCode,
        boolean started) {
}
