package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.InvalidArgumentException;

class SmallPartsTest {

    @TempDir
    Path dir;

    @Test
    void containerIdsMustNotLookLikeOptionsOrPaths() {
        assertThat(ContainerIds.check("a1b2")).isEqualTo("a1b2");
        assertThat(ContainerIds.check("berthtest-0f.x_y")).isEqualTo("berthtest-0f.x_y");
        for (String bad : new String[] {"--all", "-f", "../x", "a/b", "", " a", "a b"}) {
            assertThatThrownBy(() -> ContainerIds.check(bad)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("invalid container id");
        }
        assertThatThrownBy(() -> ContainerIds.check(null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void wrapperScriptQuotesPathsAndIsExecutable() throws Exception {
        Path wrapper = dir.resolve("crun-wrapper.sh");
        CreateWrapper.write(wrapper, Path.of("/usr/bin/unshare"), Path.of("/opt/it's/crun"));
        String script = Files.readString(wrapper);
        assertThat(script).startsWith("#!/bin/sh\n")
                .contains("exec '/usr/bin/unshare' -m --propagation private /bin/sh -c")
                .contains("; umount /sys/fs/cgroup/unified 2>/dev/null; exec \"$0\" \"$@\"")
                .endsWith("'/opt/it'\\''s/crun' \"$@\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wrapper))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void wrapperIsRewrittenOnlyWhenItChanges() throws Exception {
        Path wrapper = dir.resolve("w.sh");
        CreateWrapper.write(wrapper, Path.of("/u"), Path.of("/a"));
        Files.setLastModifiedTime(wrapper, java.nio.file.attribute.FileTime.fromMillis(0));
        CreateWrapper.write(wrapper, Path.of("/u"), Path.of("/a"));
        assertThat(Files.getLastModifiedTime(wrapper).toMillis()).isZero();
        CreateWrapper.write(wrapper, Path.of("/u"), Path.of("/b"));
        assertThat(Files.readString(wrapper)).contains("'/b'");
    }

    @Test
    void pollingReturnsTheFirstValueOrGivesUpAtTheDeadline() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(Polling.poll(Duration.ofSeconds(30), () -> calls.incrementAndGet() < 3
                ? Optional.empty() : Optional.of("ok"))).contains("ok");
        assertThat(calls).hasValue(3);
        assertThat(Polling.poll(Duration.ofMillis(20), Optional::empty)).isEmpty();
    }

    @Test
    void smallFilesToleratesAbsenceAndGarbage() throws Exception {
        assertThat(SmallFiles.read(dir.resolve("none"))).isEmpty();
        assertThat(SmallFiles.readInt(Files.writeString(dir.resolve("n"), " 12\n"))).hasValue(12);
        assertThat(SmallFiles.readInt(Files.writeString(dir.resolve("g"), "x"))).isEmpty();
        assertThat(SmallFiles.tail(Files.writeString(dir.resolve("long"), "y".repeat(5000)))).hasSize(2003);
    }
}
