package io.berth.images.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnauthorizedException;
import io.berth.images.internal.archive.ArchiveDocuments;
import io.berth.images.internal.archive.MediaTypes;
import io.berth.images.internal.config.Json;
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.store.Sha256;

/**
 * Fetches and checks manifests: each body is bounded, hashed and compared with the digest asked for (or the
 * registry's {@code Docker-Content-Digest}); an index or manifest list is resolved to the requested platform.
 * Stateless.
 */
public final class Manifests {

    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
    private static final int MAX_MANIFEST = 4 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SCHEMA1 = "application/vnd.docker.distribution.manifest.v1";

    private Manifests() {
    }

    /** Resolves the session's reference to one image manifest for {@code platform}. */
    public static ResolvedManifest resolve(RegistrySession session, PlatformSpec platform) {
        ImageReference ref = session.reference();
        String target = ref.digest() != null ? ref.digest() : ref.tag();
        Fetched top = fetch(session, target, ref.digest());
        if (!MediaTypes.isIndex(top.mediaType())) {
            return new ResolvedManifest(top.digest(), top.digest(), manifest(top));
        }
        ArchiveDocuments.Index index = parse(top, ArchiveDocuments.Index.class);
        ArchiveDocuments.Descriptor chosen = pick(index, platform, ref);
        Fetched image = fetch(session, chosen.digest(), chosen.digest());
        if (!MediaTypes.isManifest(image.mediaType())) {
            throw new InvalidArgumentException("the index of " + ref.familiar() + " points at "
                    + image.mediaType() + " for " + platform + ", not at an image manifest");
        }
        return new ResolvedManifest(top.digest(), image.digest(), manifest(image));
    }

    private record Fetched(String digest, String mediaType, byte[] body) {
    }

    private static Fetched fetch(RegistrySession session, String target, String expectedDigest) {
        HttpResponse<InputStream> response = session.get("manifests/" + target, ACCEPT, TIMEOUT);
        if (response.statusCode() != 200) {
            throw failure(session, response);
        }
        byte[] body = read(session, response, target);
        String actual = Sha256.of(body);
        String claimed = expectedDigest != null ? expectedDigest
                : response.headers().firstValue("Docker-Content-Digest").filter(d -> d.startsWith(Sha256.PREFIX))
                        .orElse(null);
        if (claimed != null && !claimed.equals(actual)) {
            throw new InvalidArgumentException("manifest digest mismatch for " + session.reference().familiar()
                    + ": expected " + claimed + ", got " + actual);
        }
        return new Fetched(actual, mediaType(response, body), body);
    }

    private static byte[] read(RegistrySession session, HttpResponse<InputStream> response, String target) {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_MANIFEST + 1);
            if (body.length > MAX_MANIFEST) {
                throw new InvalidArgumentException("the manifest " + target + " of " + session.reference().familiar()
                        + " is larger than " + MAX_MANIFEST + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw RegistryErrors.network("Get", session.url("manifests/" + target), e);
        }
    }

    /** The body's own {@code mediaType}, else the response's content type. */
    private static String mediaType(HttpResponse<InputStream> response, byte[] body) {
        String declared = null;
        try {
            declared = Json.read(body, ArchiveDocuments.Index.class).mediaType();
        } catch (IOException | RuntimeException e) {
            // reported as an unsupported type below
        }
        if (declared == null || declared.isEmpty()) {
            declared = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse("");
        }
        if (declared.toLowerCase(Locale.ROOT).startsWith(SCHEMA1)) {
            throw new InvalidArgumentException("Docker image manifest schema 1 is not supported: push the image "
                    + "again with a current client");
        }
        if (!MediaTypes.isIndex(declared) && !MediaTypes.isManifest(declared)) {
            throw new InvalidArgumentException("unsupported manifest media type \"" + declared + "\"");
        }
        return declared;
    }

    private static ArchiveDocuments.Manifest manifest(Fetched fetched) {
        ArchiveDocuments.Manifest manifest = parse(fetched, ArchiveDocuments.Manifest.class);
        if (manifest.config() == null || manifest.config().digest() == null) {
            throw new InvalidArgumentException("the manifest " + fetched.digest() + " has no config");
        }
        MediaTypes.checkConfig(manifest.config().mediaType());
        manifest.layers().forEach(layer -> MediaTypes.checkLayer(layer.mediaType()));
        return manifest;
    }

    private static <T> T parse(Fetched fetched, Class<T> type) {
        try {
            T value = Json.read(fetched.body(), type);
            if (value == null) {
                throw new IOException("empty document");
            }
            return value;
        } catch (IOException e) {
            throw new InvalidArgumentException("the manifest " + fetched.digest() + " is not valid JSON: "
                    + e.getMessage(), e);
        }
    }

    private static ArchiveDocuments.Descriptor pick(ArchiveDocuments.Index index, PlatformSpec platform,
            ImageReference ref) {
        List<ArchiveDocuments.Descriptor> matching = index.manifests().stream()
                .filter(d -> platform.matches(d.platform())).toList();
        if (matching.isEmpty()) {
            throw new NotFoundException("no matching manifest for " + platform + " in the manifest list entries of "
                    + ref.familiar());
        }
        return matching.get(0);
    }

    private static BerthException failure(RegistrySession session, HttpResponse<InputStream> response) {
        RegistryErrors.Failure failure = RegistryErrors.failure(response.statusCode(), response.body());
        ImageReference ref = session.reference();
        if (failure.is("MANIFEST_UNKNOWN") || (failure.status() == 404 && failure.code().isEmpty())) {
            return new NotFoundException("manifest for " + ref.familiar() + " not found: " + failure.reason());
        }
        if (failure.is("NAME_UNKNOWN")) {
            return new NotFoundException("pull access denied for " + ref.familiarName()
                    + ", repository does not exist or may require 'docker login': " + failure.reason());
        }
        if (failure.is("DENIED")) {
            return new UnauthorizedException("pull access denied for " + ref.familiarName()
                    + ", repository does not exist or may require 'docker login': " + failure.reason());
        }
        String target = ref.digest() != null ? ref.digest() : ref.tag();
        if (failure.status() == 401 || failure.status() == 403) {
            return RegistryErrors.unauthorized("Head", session.url("manifests/" + target), failure);
        }
        return RegistryErrors.unexpected("Get", session.url("manifests/" + target), failure);
    }
}
