package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.runtime.oci.OciCliProfile;

class ConmonCommandTest {

    private static final OciCliProfile PROFILE = new OciCliProfile("crun", List.of(Path.of("/usr/bin/crun")),
            Path.of("/run/berth/crun"), List.of("--debug"), true, false, null);
    private static final RuntimeLayout LAYOUT = RuntimeLayout.of(PROFILE);
    private static final Toolchain TOOLCHAIN = new Toolchain(
            new RuntimeCli("crun", Path.of("/usr/bin/crun"), LAYOUT.stateRoot(), PROFILE.globalArgs(),
                    Duration.ofSeconds(1)),
            Path.of("/usr/bin/conmon"), LAYOUT.wrapper(), LAYOUT);

    @Test
    void layoutKeepsTheWrapperNextToTheStateRoot() {
        assertThat(LAYOUT.stateRoot()).isEqualTo(Path.of("/run/berth/crun"));
        assertThat(LAYOUT.wrapper()).isEqualTo(Path.of("/run/berth/crun-wrapper.sh"));
        assertThat(RuntimeLayout.of(PROFILE.withStateRoot("/run/x/runc/")).wrapper())
                .isEqualTo(Path.of("/run/x/runc-wrapper.sh"));
    }

    @Test
    void createCommandRunsTheWrapperWithTheStateRoot() {
        RuntimeCreateRequest request = new RuntimeCreateRequest("abc", Path.of("/c/abc/bundle"),
                Path.of("/c/abc/ctr.log"), Path.of("/c/exits"), false, false);
        assertThat(new ConmonCommand(TOOLCHAIN).forCreate(request)).containsExactly("/usr/bin/conmon",
                "--api-version", "1", "-c", "abc", "-u", "abc", "-n", "abc", "-r", "/run/berth/crun-wrapper.sh",
                "-b", "/c/abc/bundle", "-p", "/c/abc/bundle/pidfile", "-P", "/c/abc/bundle/conmon.pid",
                "--full-attach", "--no-sync-log", "-l", "k8s-file:/c/abc/ctr.log", "--exit-dir", "/c/exits",
                "--runtime-arg", "--root", "--runtime-arg", "/run/berth/crun", "--runtime-arg", "--debug");
    }

    @Test
    void stdinAndTerminalAddTheirFlags() {
        RuntimeCreateRequest request = new RuntimeCreateRequest("abc", Path.of("/b"), Path.of("/l"), Path.of("/e"),
                true, true);
        List<String> args = new ConmonCommand(TOOLCHAIN).forCreate(request);
        assertThat(args).contains("-i", "-t");
        assertThat(args.indexOf("-i")).isLessThan(args.indexOf("--runtime-arg"));
    }

    @Test
    void execCommandRunsTheBinaryDirectlyWithTheSessionsFiles() {
        List<String> args = new ConmonCommand(TOOLCHAIN).forExec("abc", exec(false, false));
        assertThat(args).containsSequence("-c", "abc", "-u", "e1", "-n", "abc", "-r", "/usr/bin/crun",
                "-b", "/s", "-p", "/s/pidfile", "-P", "/s/conmon.pid", "--full-attach", "--no-sync-log");
        assertThat(args).containsSequence("-l", "k8s-file:/logs/e1.log", "--exit-dir", "/s/exits");
        assertThat(args).containsSequence("-e", "--exec-process-spec", "/s/process.json", "--runtime-arg",
                "--root");
        assertThat(args).doesNotContain("-t", "-i");
    }

    @Test
    void execTerminalAndStdinAddTheirFlags() {
        assertThat(new ConmonCommand(TOOLCHAIN).forExec("abc", exec(true, false))).contains("-t")
                .doesNotContain("-i");
        assertThat(new ConmonCommand(TOOLCHAIN).forExec("abc", exec(false, true))).contains("-i")
                .doesNotContain("-t");
    }

    private static RuntimeExecRequest exec(boolean terminal, boolean openStdin) {
        return new RuntimeExecRequest("e1", List.of("sh"), List.of(), null, 0, 0, terminal, openStdin,
                Path.of("/s"), Path.of("/logs/e1.log"), Path.of("/s/exits"));
    }
}
