package io.berth.rest.internal.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The message of a request no route answers. Parts of the Docker Engine API that Berth does not implement are
 * named, so that {@code docker volume ls} says what is missing; anything else is dockerd's
 * {@code page not found}. The status stays 404 for all of them: the docker CLI's {@code inspect} walks past
 * networks, volumes and plugins only on a 404 (or a message saying "not supported").
 */
final class UnroutedPaths {

    static final String PAGE_NOT_FOUND = "page not found";

    private record Area(Pattern path, String message) {
        Area(String regex, String message) {
            this(Pattern.compile(regex), message);
        }
    }

    private static final List<Area> UNSUPPORTED = List.of(
            new Area("/networks(/.*)?", "networks (docker network) are not supported yet: containers run with "
                    + "network mode none or host"),
            new Area("/volumes(/.*)?", "the volumes API (docker volume) is not supported yet: "
                    + "docker run -v NAME:/path makes a named volume, docker rm -v removes anonymous ones"),
            new Area("/plugins(/.*)?", "plugins (docker plugin) are not supported"),
            new Area("/(swarm|nodes|services|tasks|secrets|configs)(/.*)?", "swarm mode is not supported"),
            new Area("/(build|session|grpc)(/.*)?", "building images (docker build) is not supported yet: "
                    + "load or pull images built elsewhere"),
            new Area("/commit", "docker commit is not supported yet"),
            new Area("/containers/[^/]+/archive", "copying files (docker cp) is not supported yet"),
            new Area("/containers/[^/]+/export", "docker export is not supported yet"),
            new Area("/containers/[^/]+/changes", "docker diff is not supported yet"),
            new Area("/containers/[^/]+/update", "docker update is not supported yet"),
            new Area("/containers/[^/]+/attach/ws", "attaching over a websocket is not supported yet"),
            new Area("/images/search", "docker search is not supported yet"),
            new Area("/images/.+/push", "docker push is not supported yet"));

    private UnroutedPaths() {
    }

    /** Why nothing answers {@code method path} (a path without the version prefix). */
    static String message(String method, String path) {
        for (Area area : UNSUPPORTED) {
            if (area.path().matcher(path).matches()) {
                return area.message() + " (" + method + " " + path + ")";
            }
        }
        return PAGE_NOT_FOUND;
    }
}
