package io.berth.images.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.image.RegistryAuth;
import io.berth.images.internal.reference.ImageReference;

class CredentialFileTest {

    @TempDir
    Path dir;

    @Test
    void findsCredentialsByHostUrlOrDockerHubKey() throws IOException {
        Path file = write("{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:pw1") + "\"},"
                + "\"http://127.0.0.1:5000\":{\"auth\":\"" + b64("local:pw:with:colons") + "\"},"
                + "\"registry.example:8443\":{\"username\":\"u\",\"password\":\"p\",\"identitytoken\":\"t\"}}}");
        CredentialFile credentials = new CredentialFile(file);

        assertThat(credentials.lookup(ImageReference.parse("busybox"))).extracting(RegistryAuth::username,
                RegistryAuth::password).containsExactly("hub", "pw1");
        assertThat(credentials.lookup(ImageReference.parse("127.0.0.1:5000/app:1"))).extracting(
                RegistryAuth::username, RegistryAuth::password).containsExactly("local", "pw:with:colons");
        assertThat(credentials.lookup(ImageReference.parse("registry.example:8443/x"))).extracting(
                RegistryAuth::username, RegistryAuth::identityToken).containsExactly("u", "t");
        assertThat(credentials.lookup(ImageReference.parse("other.example/x"))).isEqualTo(RegistryAuth.NONE);
    }

    @Test
    void aMissingOrBrokenFileMeansNoCredentials() throws IOException {
        assertThat(new CredentialFile(dir.resolve("absent.json")).lookup(ImageReference.parse("busybox")))
                .isEqualTo(RegistryAuth.NONE);
        assertThat(new CredentialFile(null).lookup(ImageReference.parse("busybox"))).isEqualTo(RegistryAuth.NONE);
        Path broken = write("{not json");
        assertThat(new CredentialFile(broken).lookup(ImageReference.parse("busybox"))).isEqualTo(RegistryAuth.NONE);
        Path badBase64 = write("{\"auths\":{\"docker.io\":{\"auth\":\"%%%\"}}}");
        assertThat(new CredentialFile(badBase64).lookup(ImageReference.parse("busybox")))
                .isEqualTo(RegistryAuth.NONE);
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        assertThat(new RegistryAuth("user", "secret", "token", "bearer", "host").toString())
                .contains("user").doesNotContain("secret", "token", "bearer");
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "auth", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
