package io.berth.images.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImportOptions;

class InspectAndTagTest {

    @TempDir
    Path root;

    private ImageFixture fx;
    private ImageInfo busybox;

    @BeforeEach
    void open() {
        fx = new ImageFixture(root);
        busybox = fx.importTar(ImageFixture.rootfs("busybox"), "busybox");
        fx.events.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"busybox", "busybox:latest", "library/busybox", "docker.io/library/busybox:latest",
        "index.docker.io/busybox"})
    void inspectsByAnyFormOfTheReference(String ref) {
        assertThat(fx.service.inspect(ref)).isEqualTo(busybox);
    }

    @Test
    void inspectsByIdBareHexAndPrefixes() {
        String hex = busybox.id().substring("sha256:".length());
        assertThat(fx.service.inspect(busybox.id())).isEqualTo(busybox);
        assertThat(fx.service.inspect(hex)).isEqualTo(busybox);
        assertThat(fx.service.inspect(hex.substring(0, 12))).isEqualTo(busybox);
        assertThat(fx.service.inspect(hex.substring(0, 1))).isEqualTo(busybox);
        assertThat(fx.service.inspect("sha256:" + hex.substring(0, 5))).isEqualTo(busybox);
    }

    @Test
    void aTagWinsOverAnIdPrefix() {
        String prefix = busybox.id().substring("sha256:".length(), "sha256:".length() + 4);
        ImageInfo other = fx.importTar(ImageFixture.rootfs("other"), prefix);
        assertThat(fx.service.inspect(prefix).id()).isEqualTo(other.id());
    }

    @Test
    void ambiguousPrefixIsInvalid() {
        List<ImageInfo> images = new ArrayList<>(List.of(busybox));
        for (int i = 0; i < 16; i++) {
            images.add(fx.importTar(ImageFixture.rootfs("img" + i), new ImportOptions(null, null, null)));
        }
        Map<Character, Long> byFirst = images.stream().collect(Collectors.groupingBy(
                i -> i.id().charAt("sha256:".length()), Collectors.counting()));
        char shared = byFirst.entrySet().stream().filter(e -> e.getValue() > 1).findFirst().orElseThrow().getKey();
        assertThatThrownBy(() -> fx.service.inspect(String.valueOf(shared)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("ambiguous image id prefix \"" + shared + "\"");
    }

    @Test
    void unknownNamesAreNotFound() {
        assertThatThrownBy(() -> fx.service.inspect("nosuch")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: nosuch:latest");
        assertThatThrownBy(() -> fx.service.inspect("busybox:1.0")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: busybox:1.0");
        String missing = "sha256:" + "f".repeat(64);
        assertThatThrownBy(() -> fx.service.inspect(missing)).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: " + missing);
        assertThatThrownBy(() -> fx.service.inspect("busybox@sha256:" + "a".repeat(64)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void malformedNamesAreInvalid() {
        assertThatThrownBy(() -> fx.service.inspect("Busybox")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid reference format: repository name (library/Busybox) must be lowercase");
        assertThatThrownBy(() -> fx.service.inspect("")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> fx.service.inspect(null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void tagAddsAReferenceAndPublishesAnEvent() {
        fx.service.tag("busybox", "registry.example.com/tools/busybox:1.36");
        assertThat(fx.service.inspect("registry.example.com/tools/busybox:1.36").id()).isEqualTo(busybox.id());
        assertThat(fx.service.inspect(busybox.id()).repoTags()).containsExactly(
                "docker.io/library/busybox:latest", "registry.example.com/tools/busybox:1.36");
        assertThat(fx.events.summary()).containsExactly("tag registry.example.com/tools/busybox:1.36");
        assertThat(fx.events.events().get(0).actorId()).isEqualTo(busybox.id());
        assertThat(fx.events.events().get(0).type()).isEqualTo("image");
    }

    @Test
    void tagByIdPrefixAndDefaultTag() {
        fx.service.tag(busybox.id().substring(7, 19), "mybox");
        assertThat(fx.service.inspect("mybox:latest").id()).isEqualTo(busybox.id());
    }

    @Test
    void tagMovesAReferenceFromAnotherImage() {
        ImageInfo other = fx.importTar(ImageFixture.rootfs("other"), "other");
        fx.service.tag("other", "busybox");
        assertThat(fx.service.inspect("busybox").id()).isEqualTo(other.id());
        assertThat(fx.service.inspect(busybox.id()).dangling()).isTrue();
    }

    @Test
    void tagRejectsBadTargetsAndUnknownSources() {
        assertThatThrownBy(() -> fx.service.tag("busybox", "bad name")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid reference format");
        assertThatThrownBy(() -> fx.service.tag("busybox", "app@sha256:" + "a".repeat(64)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("refusing to create a tag with a digest reference");
        assertThatThrownBy(() -> fx.service.tag("nosuch", "app")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such image: nosuch:latest");
        assertThat(fx.events.events()).isEmpty();
    }

    @Test
    void listIsNewestFirst() {
        ImageInfo newer = fx.importTar(ImageFixture.rootfs("newer"), "newer");
        assertThat(fx.service.list(false)).extracting(ImageInfo::id).containsExactly(newer.id(), busybox.id());
        Map<String, ImageInfo> byId = fx.service.list(true).stream()
                .collect(Collectors.toMap(ImageInfo::id, Function.identity()));
        assertThat(byId.get(busybox.id()).repoTags()).containsExactly("docker.io/library/busybox:latest");
    }
}
