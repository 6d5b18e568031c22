package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.api.runtime.RuntimeFeatures;
import io.berth.runtime.oci.OciCliProfile;

/**
 * Decides whether a runtime can run containers: finds its binary and conmon (and unshare for a create
 * wrapper), prepares its directories, and asks the binary for its version and features. The result is
 * cached until a program found changes (path or modification time), so {@link #current()} is cheap: a few
 * stat calls. Thread-safe.
 */
final class RuntimeEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeEnvironment.class);
    private static final List<Path> UNSHARE_CANDIDATES = List.of(Path.of("/usr/bin/unshare"), Path.of("/bin/unshare"));

    private final OciCliProfile profile;
    private final RuntimeLayout layout;
    private final Duration cliTimeout;
    private final Programs programs;
    private String cachedFingerprint;
    private Readiness cached;

    /** @param programs how the runtime's CLI and its probes are started */
    RuntimeEnvironment(OciCliProfile profile, Duration cliTimeout, Programs programs) {
        this.profile = profile;
        this.layout = RuntimeLayout.of(profile);
        this.cliTimeout = cliTimeout;
        this.programs = programs;
    }

    /** The readiness now; re-probes only when a program changed since the last call. */
    synchronized Readiness current() {
        Executables.Found binary = Executables.find(profile.name() + " binary", profile.binaryCandidates());
        Executables.Found conmon = Executables.find("conmon", profile.conmonCandidates());
        Executables.Found unshare = profile.createWrapper() ? Executables.find("unshare", UNSHARE_CANDIDATES) : null;
        String fingerprint = fingerprint(binary, conmon, unshare);
        if (!fingerprint.equals(cachedFingerprint)) {
            cached = probe(binary, conmon, unshare);
            cachedFingerprint = fingerprint;
            log(cached);
        }
        return cached;
    }

    private Readiness probe(Executables.Found binary, Executables.Found conmon, Executables.Found unshare) {
        String binaryText = binary.path() == null ? "" : binary.path().toString();
        for (Executables.Found found : new Executables.Found[] {binary, conmon, unshare}) {
            if (found != null && !found.usable()) {
                return Readiness.notReady(found.problem(), binaryText);
            }
        }
        try {
            return prepared(binary.path(), conmon.path(), unshare == null ? null : unshare.path());
        } catch (IOException | BerthException e) {
            return Readiness.notReady(e.getMessage(), binaryText);
        }
    }

    private Readiness prepared(Path binary, Path conmon, Path unshare) throws IOException {
        createDirectory(layout.stateRoot());
        Path createRuntime = binary;
        if (unshare != null) {
            CreateWrapper.write(layout.wrapper(), unshare, binary);
            createRuntime = layout.wrapper();
        }
        RuntimeCli cli = new RuntimeCli(profile.name(), binary, layout.stateRoot(), profile.globalArgs(), cliTimeout,
                programs);
        String version = VersionProbe.probe(cli);
        RuntimeFeatures features = FeaturesProbe.probe(cli);
        return new Readiness(new Toolchain(cli, conmon, createRuntime, layout), "", binary.toString(), version,
                features);
    }

    private static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create " + dir + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.toString();
    }

    private static String fingerprint(Executables.Found... programs) {
        StringBuilder text = new StringBuilder();
        for (Executables.Found found : programs) {
            text.append(found == null ? "-" : found.path()).append('@').append(modified(found)).append(';');
        }
        return text.toString();
    }

    private static String modified(Executables.Found found) {
        if (found == null || found.path() == null) {
            return "";
        }
        try {
            return Objects.toString(Files.getLastModifiedTime(found.path()));
        } catch (IOException e) {
            return "?";
        }
    }

    private void log(Readiness readiness) {
        if (readiness.ready()) {
            LOG.info("runtime {} ready: {} {} (state root {})", profile.name(), readiness.binary(),
                    readiness.version(), layout.stateRoot());
        } else {
            LOG.warn("runtime {} not ready: {}", profile.name(), readiness.reason());
        }
    }
}
