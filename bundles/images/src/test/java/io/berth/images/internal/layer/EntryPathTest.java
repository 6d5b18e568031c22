package io.berth.images.internal.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.berth.api.error.InvalidArgumentException;

class EntryPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "bin/sh, bin/sh",
        "/bin/sh, bin/sh",
        "./bin/sh, bin/sh",
        "//bin//sh/, bin/sh",
        "a/./b, a/b",
        "a/../b, b",
        "a/b/../../c, c",
        "./, ''",
        "/, ''",
    })
    void normalizesInsideTheLayer(String name, String expected) {
        assertThat(EntryPath.of(name, name, "path").toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "/../x", "./a/b/../../../x"})
    void rejectsEscapes(String name) {
        assertThatThrownBy(() -> EntryPath.of(name, name, "path"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid layer entry \"" + name + "\": path escapes the layer");
    }

    @Test
    void rejectsNul() {
        assertThatThrownBy(() -> EntryPath.of("a\0b", "a\0b", "path"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid layer entry \"a\\0b\": path contains a NUL character");
    }

    @Test
    void rejectsOverlongComponentsAndPaths() {
        String component = "x".repeat(256);
        assertThatThrownBy(() -> EntryPath.of(component, component, "path"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("has a component longer than 255 bytes")
                .hasMessageContaining("(256 characters)");
        String deep = "abcdefgh/".repeat(500);
        assertThatThrownBy(() -> EntryPath.of(deep, deep, "path"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("path is too long");
    }

    @Test
    void recognizesWhiteouts() {
        assertThat(EntryPath.of("etc/.wh.passwd", "", "path").isWhiteout()).isTrue();
        assertThat(EntryPath.of("etc/.wh..wh..opq", "", "path").isWhiteout()).isTrue();
        assertThat(EntryPath.of("etc/passwd.wh.", "", "path").isWhiteout()).isFalse();
        assertThat(EntryPath.of("./", "", "path").isWhiteout()).isFalse();
    }
}
