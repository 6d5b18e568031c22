package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNamesTest {

    @ParameterizedTest
    @CsvSource({
        "docker.io/library/busybox:latest, busybox, latest, <none>",
        "docker.io/user/app:1.0, user/app, 1.0, <none>",
        "docker.io/user/app, user/app, <none>, <none>",
        "docker.io/library/a/b:x, library/a/b, x, <none>",
        "quay.io/coreos/etcd:v3, quay.io/coreos/etcd, v3, <none>",
        "localhost:5000/app:dev, localhost:5000/app, dev, <none>",
        "localhost:5000/app, localhost:5000/app, <none>, <none>",
        "docker.io/library/alpine@sha256:abc, alpine, <none>, sha256:abc",
    })
    void referencesAreShownInFamiliarForm(String reference, String repository, String tag, String digest) {
        assertThat(ImageNames.familiar(reference)).isEqualTo(new ImageNames.Familiar(repository, tag, digest));
    }

    @ParameterizedTest
    @CsvSource({
        "docker.io/library/busybox:latest, busybox:latest",
        "docker.io/library/alpine@sha256:abc, alpine@sha256:abc",
        "docker.io/user/app, user/app",
    })
    void familiarStrings(String reference, String expected) {
        assertThat(ImageNames.familiarString(reference)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "sha256:0123456789abcdef0123, 0123456789ab",
        "0123456789abcdef, 0123456789ab",
        "sha256:abc, abc",
    })
    void shortIdsDropTheAlgorithm(String id, String expected) {
        assertThat(ImageNames.shortId(id)).isEqualTo(expected);
    }
}
