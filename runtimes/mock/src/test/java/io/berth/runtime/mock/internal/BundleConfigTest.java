package io.berth.runtime.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.InvalidArgumentException;

class BundleConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsArgsEnvCwdAndTerminal() {
        Path bundle = TestBundles.bundle(dir, "c1", List.of("echo", "hi"), List.of("A=1"), "/work", true);
        assertThat(BundleConfig.read(bundle))
                .isEqualTo(new ProcessSpec(List.of("echo", "hi"), List.of("A=1"), "/work", true));
    }

    @Test
    void envCwdAndTerminalAreOptional() {
        Path bundle = TestBundles.withConfig(dir, "c1", Map.of("process", Map.of("args", List.of("true"))));
        assertThat(BundleConfig.read(bundle)).isEqualTo(new ProcessSpec(List.of("true"), List.of(), "/", false));
    }

    @Test
    void aMissingConfigIsAnInvalidBundle() {
        assertThatThrownBy(() -> BundleConfig.read(dir.resolve("nowhere")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("config.json: no such file or directory");
    }

    @Test
    void malformedJsonIsAnInvalidBundle() {
        Path bundle = TestBundles.withContent(dir, "c1", "{\"process\": {\"args\": [\"echo\"");
        assertThatThrownBy(() -> BundleConfig.read(bundle))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("malformed " + bundle.resolve("config.json") + ": ");
    }

    @Test
    void aConfigThatIsNoObjectIsAnInvalidBundle() {
        for (String content : List.of("", "[]", "42")) {
            Path bundle = TestBundles.withContent(dir, "c1", content);
            assertThatThrownBy(() -> BundleConfig.read(bundle))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("malformed");
        }
    }

    @Test
    void aProcessWithoutArgsIsAnInvalidBundle() {
        assertThatThrownBy(() -> BundleConfig.read(TestBundles.withConfig(dir, "a", Map.of("ociVersion", "1.0"))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageEndingWith("process property must not be empty");
        assertThatThrownBy(() -> BundleConfig.read(TestBundles.withConfig(dir, "b",
                Map.of("process", Map.of("args", List.of())))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageEndingWith("args must not be empty");
        assertThatThrownBy(() -> BundleConfig.read(TestBundles.withConfig(dir, "c",
                Map.of("process", Map.of("args", "echo hi")))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageEndingWith("process.args must be an array of strings");
        assertThatThrownBy(() -> BundleConfig.read(TestBundles.withConfig(dir, "d",
                Map.of("process", Map.of("args", List.of("echo", 1))))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageEndingWith("process.args must be an array of strings");
    }
}
