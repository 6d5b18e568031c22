package io.berth.images.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayOptionsTest {

    private static final Path UPPER = Path.of("/s/c1/upper");
    private static final Path WORK = Path.of("/s/c1/work");

    @Test
    void layersGoTopFirst() {
        List<Path> bottomFirst = List.of(Path.of("/l/base"), Path.of("/l/middle"), Path.of("/l/top"));
        assertThat(OverlayOptions.build(bottomFirst, UPPER, WORK))
                .isEqualTo("lowerdir=/l/top:/l/middle:/l/base,upperdir=/s/c1/upper,workdir=/s/c1/work");
    }

    @Test
    void aSingleLayerIsTheOnlyLowerDirectory() {
        assertThat(OverlayOptions.build(List.of(Path.of("/l/only")), UPPER, WORK))
                .isEqualTo("lowerdir=/l/only,upperdir=/s/c1/upper,workdir=/s/c1/work");
    }

    @Test
    void aRepeatedLayerKeepsItsTopmostPlace() {
        List<Path> bottomFirst = List.of(Path.of("/l/empty"), Path.of("/l/a"), Path.of("/l/empty"), Path.of("/l/b"));
        assertThat(OverlayOptions.lowerdir(bottomFirst)).isEqualTo("/l/b:/l/empty:/l/a");
    }

    @Test
    void noLayerIsRefused() {
        assertThatThrownBy(() -> OverlayOptions.build(List.of(), UPPER, WORK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one lower directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/l/a,b", "/l/a:b", "/l/a\\b", "/l/a\nb"})
    void pathsTheOptionSyntaxCannotCarryAreRefused(String path) {
        assertThatThrownBy(() -> OverlayOptions.build(List.of(Path.of(path)), UPPER, WORK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlay mount options cannot carry");
        assertThatThrownBy(() -> OverlayOptions.build(List.of(Path.of("/l/a")), Path.of(path), WORK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsLongerThanAPageAreRefused() {
        List<Path> layers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            layers.add(Path.of("/var/lib/berth/images/layers/" + String.format("%064d", i)));
        }
        assertThatThrownBy(() -> OverlayOptions.build(layers, UPPER, WORK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlay options of 60 layers take").hasMessageContaining("4095");
        assertThat(OverlayOptions.build(layers.subList(0, 30), UPPER, WORK)).hasSizeLessThan(OverlayOptions.MAX_BYTES);
    }
}
