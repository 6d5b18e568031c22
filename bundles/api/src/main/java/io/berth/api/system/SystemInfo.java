package io.berth.api.system;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code info} reports.
 *
 * @param version        Berth's version
 * @param rootDir        where containers and images are kept
 * @param runDir         where sockets and runtime state roots are
 * @param defaultRuntime the runtime used when a container names none
 * @param runtimes       every runtime present or named by a container, sorted by name
 * @param containers     total number of containers
 * @param running        running containers
 * @param paused         paused containers
 * @param stopped        containers neither running nor paused
 * @param images         images in the store
 */
public record SystemInfo(String version, Path rootDir, Path runDir, String defaultRuntime,
        List<RuntimeSummary> runtimes, int containers, int running, int paused, int stopped, int images) {

    public SystemInfo {
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
    }
}
