package io.berth.images.internal.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.berth.api.image.RegistryAuth;
import io.berth.images.internal.config.Json;
import io.berth.images.internal.reference.ImageReference;

/**
 * Registry credentials kept in a file of Docker's {@code config.json} form:
 * {@code {"auths":{"127.0.0.1:5000":{"auth":"<base64 user:password>"}}}} (or {@code username}/{@code password},
 * {@code identitytoken}). Keys may be a bare {@code host[:port]} or a URL of it; Docker Hub's key is
 * {@code https://index.docker.io/v1/}. Read at every lookup, so edits apply to the next pull. A missing file
 * means no credentials; an unreadable one is logged and treated the same. Thread-safe.
 */
public final class CredentialFile {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialFile.class);
    private static final List<String> HUB_KEYS = List.of("https://index.docker.io/v1/", "index.docker.io",
            "docker.io", "registry-1.docker.io");

    private final Path file;

    /** @param file the file, or {@code null} for none */
    public CredentialFile(Path file) {
        this.file = file;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(@JsonProperty("auths") Map<String, Entry> auths) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("auth") String auth, @JsonProperty("username") String username,
            @JsonProperty("password") String password, @JsonProperty("identitytoken") String identityToken) {
    }

    /** The credentials for a reference's registry, or {@link RegistryAuth#NONE}. */
    public RegistryAuth lookup(ImageReference reference) {
        if (file == null || !Files.isRegularFile(file)) {
            return RegistryAuth.NONE;
        }
        Document document;
        try {
            document = Json.read(Files.readAllBytes(file), Document.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read registry credentials from {}: {}", file, e.getMessage());
            return RegistryAuth.NONE;
        }
        if (document == null || document.auths() == null) {
            return RegistryAuth.NONE;
        }
        String domain = reference.domain();
        for (Map.Entry<String, Entry> candidate : document.auths().entrySet()) {
            if (keyMatches(candidate.getKey(), domain)) {
                return toAuth(candidate.getValue(), candidate.getKey());
            }
        }
        return RegistryAuth.NONE;
    }

    private static boolean keyMatches(String key, String domain) {
        if (ImageReference.DEFAULT_DOMAIN.equals(domain)) {
            return HUB_KEYS.contains(key);
        }
        String host = key.replaceFirst("^https?://", "");
        int slash = host.indexOf('/');
        return (slash < 0 ? host : host.substring(0, slash)).equalsIgnoreCase(domain);
    }

    private static RegistryAuth toAuth(Entry entry, String key) {
        if (entry == null) {
            return RegistryAuth.NONE;
        }
        String user = entry.username();
        String password = entry.password();
        if (entry.auth() != null && !entry.auth().isEmpty()) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(entry.auth().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                LOG.warn("the registry credentials for {} are not valid base64; ignored", key);
                return RegistryAuth.NONE;
            }
            int colon = pair.indexOf(':');
            user = colon < 0 ? pair : pair.substring(0, colon);
            password = colon < 0 ? "" : pair.substring(colon + 1);
        }
        return new RegistryAuth(user, password, entry.identityToken(), null, key);
    }
}
