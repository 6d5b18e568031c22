package io.berth.images.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageConfig;

class ChangeInstructionsTest {

    private static ImageConfig apply(String... changes) {
        return ChangeInstructions.apply(ImageConfig.EMPTY, List.of(changes));
    }

    @Test
    void cmdAndEntrypointInExecForm() {
        ImageConfig c = apply("CMD [\"echo\", \"hi there\"]", "ENTRYPOINT [\"/bin/tini\", \"--\"]");
        assertThat(c.cmd()).containsExactly("echo", "hi there");
        assertThat(c.entrypoint()).containsExactly("/bin/tini", "--");
    }

    @Test
    void cmdAndEntrypointInShellForm() {
        ImageConfig c = apply("cmd echo $HOME && ls", "Entrypoint exec /app");
        assertThat(c.cmd()).containsExactly("/bin/sh", "-c", "echo $HOME && ls");
        assertThat(c.entrypoint()).containsExactly("/bin/sh", "-c", "exec /app");
    }

    @Test
    void malformedJsonFallsBackToShellFormAsInDocker() {
        assertThat(apply("CMD [not json").cmd()).containsExactly("/bin/sh", "-c", "[not json");
    }

    @Test
    void envInBothForms() {
        ImageConfig c = apply("ENV A=1 B=\"two words\" C='x y'", "ENV LEGACY some value", "ENV A=override");
        assertThat(c.env()).containsExactly("A=override", "B=two words", "C=x y", "LEGACY=some value");
    }

    @Test
    void envEscapes() {
        assertThat(apply("ENV Q=a\\ b P=\"say \\\"hi\\\"\"").env()).containsExactly("Q=a b", "P=say \"hi\"");
    }

    @Test
    void labels() {
        ImageConfig c = apply("LABEL maintainer=me \"com.example.x\"=\"1 2\"", "LABEL version 1.0");
        assertThat(c.labels()).containsOnly(entry("maintainer", "me"), entry("com.example.x", "1 2"),
                entry("version", "1.0"));
    }

    @Test
    void workdirUserStopSignal() {
        ImageConfig c = apply("WORKDIR /app", "WORKDIR sub/../src", "USER nobody:nogroup", "STOPSIGNAL SIGINT");
        assertThat(c.workingDir()).isEqualTo("/app/src");
        assertThat(c.user()).isEqualTo("nobody:nogroup");
        assertThat(c.stopSignal()).isEqualTo("SIGINT");
        assertThat(apply("WORKDIR relative").workingDir()).isEqualTo("/relative");
    }

    @Test
    void exposeAndVolume() {
        ImageConfig c = apply("EXPOSE 80 53/udp 8000-8001/TCP", "VOLUME /data", "VOLUME [\"/logs\", \"/cache\"]");
        assertThat(c.exposedPorts()).containsExactly("53/udp", "80/tcp", "8000/tcp", "8001/tcp");
        assertThat(c.volumes()).containsExactly("/cache", "/data", "/logs");
    }

    @Test
    void keepsTheBaseDefaults() {
        ImageConfig base = apply("ENV A=1", "CMD [\"sh\"]", "LABEL a=b");
        ImageConfig c = ChangeInstructions.apply(base, List.of("ENV B=2"));
        assertThat(c.env()).containsExactly("A=1", "B=2");
        assertThat(c.cmd()).containsExactly("sh");
        assertThat(c.labels()).containsOnly(entry("a", "b"));
    }

    @Test
    void blankChangesAreIgnored() {
        assertThat(apply("  ", "")).isEqualTo(ImageConfig.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "FROM busybox | FROM is not a valid change command",
        "RUN echo hi | RUN is not a valid change command",
        "HEALTHCHECK NONE | HEALTHCHECK is not a valid change command",
        "CMD | CMD requires at least one argument",
        "ENV | ENV requires at least one argument",
        "ENV ONLYKEY | ENV must have two arguments",
        "ENV A=1 B | Syntax error - can't find = in \"B\". Must be of the form: name=value",
        "ENV =x | ENV names can not be blank",
        "LABEL =x | LABEL names can not be blank",
        "ENV A=\"unterminated | unexpected end of statement while looking for matching quote: A=\"unterminated",
        "EXPOSE 80/icmp | invalid proto: icmp",
        "EXPOSE 70000 | invalid containerPort: 70000",
        "EXPOSE abc | invalid port specification: \"abc\"",
        "EXPOSE 90-80 | invalid range specified for port: 90-80",
        "STOPSIGNAL kill me | Invalid signal: kill me",
        "VOLUME [\"\"] | VOLUME specified can not be an empty string",
    })
    void rejectsBadChanges(String change, String message) {
        assertThatThrownBy(() -> apply(change)).isInstanceOf(InvalidArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIGTERM", "TERM", "9", "SIGRTMIN+3"})
    void acceptsSignals(String signal) {
        assertThat(apply("STOPSIGNAL " + signal).stopSignal()).isEqualTo(signal);
    }
}
