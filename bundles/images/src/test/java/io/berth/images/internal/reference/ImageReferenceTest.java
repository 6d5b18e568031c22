package io.berth.images.internal.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.berth.api.error.InvalidArgumentException;

class ImageReferenceTest {

    private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "busybox, docker.io/library/busybox:latest, busybox:latest",
        "busybox:1.36, docker.io/library/busybox:1.36, busybox:1.36",
        "user/app, docker.io/user/app:latest, user/app:latest",
        "user/app:v2, docker.io/user/app:v2, user/app:v2",
        "library/busybox, docker.io/library/busybox:latest, busybox:latest",
        "docker.io/busybox, docker.io/library/busybox:latest, busybox:latest",
        "docker.io/library/busybox:latest, docker.io/library/busybox:latest, busybox:latest",
        "index.docker.io/library/busybox, docker.io/library/busybox:latest, busybox:latest",
        "index.docker.io/user/app, docker.io/user/app:latest, user/app:latest",
        "localhost/app, localhost/app:latest, localhost/app:latest",
        "localhost:5000/app:1, localhost:5000/app:1, localhost:5000/app:1",
        "registry.example.com/a/b/c:tag, registry.example.com/a/b/c:tag, registry.example.com/a/b/c:tag",
        "registry.example.com:443/team/app, registry.example.com:443/team/app:latest, registry.example.com:443/team/app:latest",
        "[::1]:5000/app, [::1]:5000/app:latest, [::1]:5000/app:latest",
        "quay.io/coreos/etcd:v3.5.0, quay.io/coreos/etcd:v3.5.0, quay.io/coreos/etcd:v3.5.0",
        "Example.com/app, Example.com/app:latest, Example.com/app:latest",
        "docker.io/library/a/b, docker.io/library/a/b:latest, library/a/b:latest",
        "my_app-name1/sub__path.x, docker.io/my_app-name1/sub__path.x:latest, my_app-name1/sub__path.x:latest",
        "a---b, docker.io/library/a---b:latest, a---b:latest",
        "app:Tag_1.0-rc, docker.io/library/app:Tag_1.0-rc, app:Tag_1.0-rc",
        "app:_tag, docker.io/library/app:_tag, app:_tag",
        "abc, docker.io/library/abc:latest, abc:latest",
    })
    void normalizesLikeDocker(String input, String full, String familiar) {
        ImageReference ref = ImageReference.parse(input);
        assertThat(ref.toString()).isEqualTo(full);
        assertThat(ref.familiar()).isEqualTo(familiar);
    }

    @Test
    void digestReferencesKeepTheirDigestAndGetNoDefaultTag() {
        ImageReference ref = ImageReference.parse("busybox@sha256:" + HEX);
        assertThat(ref.tag()).isNull();
        assertThat(ref.digest()).isEqualTo("sha256:" + HEX);
        assertThat(ref.toString()).isEqualTo("docker.io/library/busybox@sha256:" + HEX);
        assertThat(ref.familiar()).isEqualTo("busybox@sha256:" + HEX);
    }

    @Test
    void tagAndDigestTogether() {
        ImageReference ref = ImageReference.parse("localhost:5000/app:1@sha256:" + HEX);
        assertThat(ref.tag()).isEqualTo("1");
        assertThat(ref.digest()).isEqualTo("sha256:" + HEX);
        assertThat(ref.familiar()).isEqualTo("localhost:5000/app:1@sha256:" + HEX);
    }

    @Test
    void exposesItsParts() {
        ImageReference ref = ImageReference.parse("localhost:5000/team/app:1");
        assertThat(ref.domain()).isEqualTo("localhost:5000");
        assertThat(ref.path()).isEqualTo("team/app");
        assertThat(ref.name()).isEqualTo("localhost:5000/team/app");
        assertThat(ref.familiarName()).isEqualTo("localhost:5000/team/app");
        assertThat(ImageReference.parse("busybox").familiarName()).isEqualTo("busybox");
    }

    @Test
    void parseNamedAddsNoTag() {
        assertThat(ImageReference.parseNamed("busybox").tag()).isNull();
        assertThat(ImageReference.parseNamed("busybox").toString()).isEqualTo("docker.io/library/busybox");
    }

    @Test
    void equalReferencesAreEqual() {
        assertThat(ImageReference.parse("busybox")).isEqualTo(ImageReference.parse("docker.io/library/busybox:latest"))
                .hasSameHashCodeAs(ImageReference.parse("docker.io/library/busybox:latest"));
        assertThat(ImageReference.parse("busybox")).isNotEqualTo(ImageReference.parse("busybox:1"));
    }

    @Test
    void withTagReplacesTagAndDigest() {
        ImageReference ref = ImageReference.parse("busybox@sha256:" + HEX).withTag("v1");
        assertThat(ref.toString()).isEqualTo("docker.io/library/busybox:v1");
        assertThatThrownBy(() -> ref.withTag("-bad")).isInstanceOf(InvalidArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Busybox, library/Busybox",
        "user/App, user/App",
        "localhost:5000/Team/app:1, Team/app",
    })
    void upperCaseRepositoryUsesDockersMessage(String input, String shown) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid reference format: repository name (" + shown + ") must be lowercase");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "", ":", "busybox:", ":latest", "/busybox", "busybox/", "a//b", "-app", "app-", "app_", "a...b",
        "app:-tag", "app:.tag", "app:tag with space", "bad name", "app@sha256:abc", "app@", "app:tag@",
        "host:port/app", "a/b:c/d", "app:" + "t123456789012345678901234567890123456789012345678901234567890"
            + "1234567890123456789012345678901234567890123456789012345678901234567890",
        "app\u0000x", "ünïcode", "my_app.name/x",
    })
    void malformedReferencesAreInvalid(String input) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("invalid reference format");
    }

    @Test
    void nullIsInvalid() {
        assertThatThrownBy(() -> ImageReference.parse(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid reference format");
    }

    @Test
    void sixtyFourHexCharactersAreNotARepositoryName() {
        assertThatThrownBy(() -> ImageReference.parse(HEX))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid repository name (" + HEX + "), cannot specify 64-byte hexadecimal strings");
    }

    @Test
    void overlongNamesAreRejected() {
        String path = "a/".repeat(130) + "b";
        assertThatThrownBy(() -> ImageReference.parse(path))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("repository name must not be more than 255 characters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "app@sha256:0123456789abcdef0123456789abcdef, invalid checksum digest length",
        "app@sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF, invalid checksum digest format",
        "app@md5:0123456789abcdef0123456789abcdef, unsupported digest algorithm",
    })
    void badDigestsUseDockersMessages(String input, String message) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidArgumentException.class).hasMessage(message);
    }

    @Test
    void upperCaseFirstComponentIsARegistryHostAsInDocker() {
        assertThat(ImageReference.parse("User/app").domain()).isEqualTo("User");
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertThat(ImageReference.isValid("busybox")).isTrue();
        assertThat(ImageReference.isValid("Busybox")).isFalse();
    }

    @Test
    void longAlmostValidInputIsRejected() {
        // guards the grammar against catastrophic backtracking: this would not finish with an ambiguous separator
        assertThat(ImageReference.isValid("a".repeat(100) + "-".repeat(100) + "!")).isFalse();
        assertThat(ImageReference.isValid("a_".repeat(60) + "!")).isFalse();
    }
}
