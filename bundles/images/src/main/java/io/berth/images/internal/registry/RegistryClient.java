package io.berth.images.internal.registry;

import java.net.http.HttpClient;
import java.time.Duration;

import io.berth.api.image.RegistryAuth;
import io.berth.images.internal.reference.ImageReference;

/**
 * Opens {@link RegistrySession}s with one shared HTTP client: credentials given with a pull win, else those of
 * the {@link CredentialFile}. The client (with its TLS context, the trusted certificates and a selector thread)
 * is made at the first session, not with the store: an engine that never pulls never pays for it, and its boot
 * does not wait for it. Thread-safe.
 *
 * @see RegistryHosts for which registries may be reached over plain HTTP
 */
public final class RegistryClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private volatile HttpClient http;
    private final RegistryHosts hosts;
    private final CredentialFile credentials;
    private final int maxConcurrentDownloads;

    public RegistryClient(RegistryHosts hosts, CredentialFile credentials, int maxConcurrentDownloads) {
        this.hosts = hosts;
        this.credentials = credentials;
        this.maxConcurrentDownloads = Math.max(1, maxConcurrentDownloads);
    }

    public RegistrySession open(ImageReference reference, RegistryAuth auth) {
        RegistryAuth effective = auth == null || auth.isEmpty() ? credentials.lookup(reference) : auth;
        return RegistrySession.open(http(), hosts, reference, effective);
    }

    /** Checks credentials with the registry they name, as {@code docker login} does ({@link RegistryLogin}). */
    public void login(RegistryAuth auth) {
        RegistryLogin.check(http(), hosts, auth);
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
                    http = client;
                }
            }
        }
        return client;
    }

    /** Layers downloaded at the same time by one pull. */
    public int maxConcurrentDownloads() {
        return maxConcurrentDownloads;
    }
}
