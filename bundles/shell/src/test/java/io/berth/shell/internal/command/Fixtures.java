package io.berth.shell.internal.command;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.image.ImageInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Sample records and a fixed clock for the command tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {
    }

    /** A 64-hex id starting with {@code prefix}. */
    static String id(String prefix) {
        return (prefix + "0".repeat(64)).substring(0, 64);
    }

    static ContainerState state(ContainerStatus status, int exitCode, Instant startedAt, Instant finishedAt) {
        return new ContainerState(status, status == ContainerStatus.RUNNING ? 42 : 0, exitCode, "", false,
                startedAt, finishedAt);
    }

    static ContainerInfo container(String idPrefix, String name, String image, List<String> command,
            ContainerState state) {
        return new ContainerInfo(id(idPrefix), name, NOW.minusSeconds(3600), image, "sha256:" + id("ee"),
                command.get(0), command.subList(1, command.size()), ContainerSpec.builder(image).build(), state,
                "mock", 0, Path.of("/var/lib/berth/containers", id(idPrefix), "ctr.log"));
    }

    static ContainerInfo running(String idPrefix, String name) {
        return container(idPrefix, name, "busybox", List.of("sleep", "300"),
                state(ContainerStatus.RUNNING, 0, NOW.minusSeconds(3), null));
    }

    static ContainerInfo exited(String idPrefix, String name, int exitCode) {
        return container(idPrefix, name, "busybox", List.of("true"),
                state(ContainerStatus.EXITED, exitCode, NOW.minusSeconds(300), NOW.minusSeconds(120)));
    }

    static ImageInfo image(String idPrefix, List<String> tags, List<String> digests, Instant created, long size) {
        return new ImageInfo("sha256:" + id(idPrefix), tags, digests, created, size, "amd64", "linux", null, null,
                null, null);
    }
}
