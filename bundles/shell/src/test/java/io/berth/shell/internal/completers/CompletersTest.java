package io.berth.shell.internal.completers;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.error.UnavailableException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageService;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemInfo;
import io.berth.api.system.SystemService;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.junit.jupiter.api.Test;

class CompletersTest {

    private static final String ID_A = "abcdef0123456789" + "0".repeat(48);
    private static final String ID_B = "abd0000000000000" + "0".repeat(48);

    /** A service whose one used method answers {@code answer}; every other method is unused here. */
    private static <T> T service(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (!m.getName().equals(method)) {
                throw new UnsupportedOperationException(m.getName());
            }
            if (answer instanceof RuntimeException failure) {
                throw failure;
            }
            return answer;
        }));
    }

    private static List<String> complete(Completer completer, String typed) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, new TypedArgument(typed), candidates);
        return candidates.stream().map(String::trim).toList();
    }

    private static ContainerInfo container(String id, String name) {
        return new ContainerInfo(id, name, Instant.EPOCH, "busybox", "sha256:ee", "sh", List.of(),
                ContainerSpec.builder("busybox").build(),
                new ContainerState(ContainerStatus.EXITED, 0, 0, "", false, null, null), "mock", 0, null);
    }

    @Test
    void containersCompleteByNameAndShortId() {
        ContainerCompleter completer = new ContainerCompleter();
        completer.setContainerService(service(ContainerService.class, "list",
                List.of(container(ID_A, "web"), container(ID_B, "worker"))));

        assertThat(complete(completer, "w")).containsExactly("web", "worker");
        assertThat(complete(completer, "abc")).containsExactly("abcdef012345");
        assertThat(complete(completer, "ab")).containsExactly("abcdef012345", "abd000000000");
    }

    @Test
    void containerCompleterAsksForStoppedContainersToo() {
        List<ContainerFilter> asked = new ArrayList<>();
        ContainerCompleter completer = new ContainerCompleter();
        completer.setContainerService((ContainerService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerService.class}, (proxy, m, args) -> {
                    asked.add((ContainerFilter) args[0]);
                    return List.of();
                }));

        complete(completer, "");

        assertThat(asked).containsExactly(ContainerFilter.ALL);
    }

    @Test
    void engineFailureMeansNoCandidates() {
        ContainerCompleter completer = new ContainerCompleter();
        completer.setContainerService(service(ContainerService.class, "list", new UnavailableException("down")));

        assertThat(complete(completer, "")).isEmpty();
    }

    @Test
    void imagesCompleteByFamiliarReferenceAndShortId() {
        ImageCompleter completer = new ImageCompleter();
        completer.setImageService(service(ImageService.class, "list", List.of(
                new ImageInfo("sha256:" + ID_A, List.of("docker.io/library/busybox:latest", "docker.io/user/app:1"),
                        null, null, 0, "amd64", "linux", null, null, null, null))));

        assertThat(complete(completer, "")).containsExactlyInAnyOrder("busybox:latest", "user/app:1", "abcdef012345");
        assertThat(complete(completer, "bu")).containsExactly("busybox:latest");
    }

    @Test
    void runtimesCompleteWithPresentNamesOnly() {
        RuntimeCompleter completer = new RuntimeCompleter();
        completer.setSystemService(service(SystemService.class, "info", new SystemInfo("0.1.0", Path.of("/r"),
                Path.of("/run"), "runc", List.of(
                        new RuntimeSummary(new RuntimeInfo("crun", "", "", false, "absent", null), "", false, 1),
                        new RuntimeSummary(new RuntimeInfo("mock", "", "", true, "", null), "b", true, 0),
                        new RuntimeSummary(new RuntimeInfo("runc", "", "", true, "", null), "b", true, 0)),
                0, 0, 0, 0, 0)));

        assertThat(complete(completer, "")).containsExactly("mock", "runc");
        assertThat(complete(completer, "r")).containsExactly("runc");
    }

    /** The console state while the user has typed {@code typed} as the current argument. */
    private record TypedArgument(String typed) implements CommandLine {
        @Override
        public int getCursorArgumentIndex() {
            return 1;
        }

        @Override
        public String getCursorArgument() {
            return typed;
        }

        @Override
        public int getArgumentPosition() {
            return typed.length();
        }

        @Override
        public String[] getArguments() {
            return new String[] {"berth:stop", typed};
        }

        @Override
        public int getBufferPosition() {
            return getBuffer().length();
        }

        @Override
        public String getBuffer() {
            return "berth:stop " + typed;
        }
    }
}
