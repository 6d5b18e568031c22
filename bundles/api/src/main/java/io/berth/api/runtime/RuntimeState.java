package io.berth.api.runtime;

/**
 * A container as a runtime sees it.
 *
 * @param id     the container id
 * @param status runtime status
 * @param pid    host pid of the container's init process, 0 when none
 */
public record RuntimeState(String id, RuntimeStatus status, int pid) {
}
