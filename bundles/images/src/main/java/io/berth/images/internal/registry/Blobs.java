package io.berth.images.internal.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongConsumer;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.archive.ArchiveDocuments;
import io.berth.images.internal.store.Sha256;

/**
 * Downloads blobs of a repository. The bytes written never exceed the descriptor's size (a registry that sends
 * more, or less, fails the download); the caller checks the digest of what was written. Stateless.
 */
public final class Blobs {

    private static final int MAX_CONFIG = 8 << 20;
    private static final int BUFFER = 64 * 1024;
    private static final long PROGRESS_STEP = 512 * 1024;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private Blobs() {
    }

    /** Downloads a small blob (an image config) into memory and checks its digest. */
    public static byte[] fetchSmall(RegistrySession session, ArchiveDocuments.Descriptor descriptor) {
        if (descriptor.size() > MAX_CONFIG) {
            throw new InvalidArgumentException("the image config " + descriptor.digest() + " is larger than "
                    + MAX_CONFIG + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(descriptor.size(), 0));
        download(session, descriptor, out, done -> { });
        byte[] bytes = out.toByteArray();
        String actual = Sha256.of(bytes);
        if (!actual.equals(descriptor.digest())) {
            throw new InvalidArgumentException("digest mismatch for " + descriptor.digest() + ": got " + actual);
        }
        return bytes;
    }

    /**
     * Streams a blob into {@code out}, reporting the bytes written so far about every 512 KiB and at the end.
     *
     * @throws InvalidArgumentException when the registry sends more or fewer bytes than the descriptor says
     */
    public static void download(RegistrySession session, ArchiveDocuments.Descriptor descriptor, OutputStream out,
            LongConsumer progress) {
        String path = "blobs/" + descriptor.digest();
        URI uri = session.url(path);
        HttpResponse<InputStream> response = session.get(path, null, TIMEOUT);
        if (response.statusCode() != 200) {
            throw RegistryErrors.refused("Get", uri, RegistryErrors.failure(response.statusCode(), response.body()));
        }
        try (InputStream in = response.body()) {
            copy(in, out, descriptor, progress);
        } catch (IOException e) {
            throw RegistryErrors.network("Get", uri, e);
        }
    }

    private static void copy(InputStream in, OutputStream out, ArchiveDocuments.Descriptor descriptor,
            LongConsumer progress) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long expected = descriptor.size();
        long total = 0;
        long reported = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > expected) {
                throw new InvalidArgumentException("the registry sent more than the " + expected + " bytes of "
                        + descriptor.digest());
            }
            out.write(buffer, 0, n);
            if (total - reported >= PROGRESS_STEP) {
                progress.accept(total);
                reported = total;
            }
            checkInterrupted(descriptor);
        }
        if (total != expected) {
            throw new InvalidArgumentException("the registry sent " + total + " of the " + expected + " bytes of "
                    + descriptor.digest());
        }
        progress.accept(total);
    }

    private static void checkInterrupted(ArchiveDocuments.Descriptor descriptor) {
        if (Thread.currentThread().isInterrupted()) {
            throw new BerthException("the download of " + descriptor.digest() + " was cancelled");
        }
    }
}
