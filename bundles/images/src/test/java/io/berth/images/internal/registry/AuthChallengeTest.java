package io.berth.images.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void parsesDockerHubsBearerChallenge() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service="
                + "\"registry.docker.io\",scope=\"repository:library/busybox:pull\"").orElseThrow();

        assertThat(c.isBearer()).isTrue();
        assertThat(c.param("realm")).isEqualTo("https://auth.docker.io/token");
        assertThat(c.param("service")).isEqualTo("registry.docker.io");
        assertThat(c.param("scope")).isEqualTo("repository:library/busybox:pull");
    }

    @Test
    void parsesBasicWithUnquotedAndEscapedValues() {
        AuthChallenge c = AuthChallenge.parse("basic Realm=plain, other=\"a \\\"quoted\\\", value\"").orElseThrow();

        assertThat(c.isBasic()).isTrue();
        assertThat(c.param("realm")).isEqualTo("plain");
        assertThat(c.param("other")).isEqualTo("a \"quoted\", value");
    }

    @Test
    void blankOrBareHeadersGiveNothingOrNoParameters() {
        assertThat(AuthChallenge.parse(null)).isEmpty();
        assertThat(AuthChallenge.parse("  ")).isEmpty();
        assertThat(AuthChallenge.parse("Negotiate").orElseThrow().params()).isEmpty();
        assertThat(AuthChallenge.parse("Bearer realm").orElseThrow().params()).isEmpty();
    }
}
