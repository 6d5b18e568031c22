package io.berth.images.internal.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.files.AtomicFiles;
import io.berth.images.internal.files.TempNames;

/**
 * Writes one blob: bytes go to a temporary file in the blob directory while they are hashed; {@link #commit}
 * fsyncs, verifies and renames it to its digest. Closing an uncommitted writer deletes the temporary file.
 * Not thread-safe.
 */
public final class BlobWriter implements AutoCloseable {

    private final Path dir;
    private final Path temp;
    private final FileChannel channel;
    private final MessageDigest digest = Sha256.newDigest();
    private final OutputStream stream;
    private String sealedDigest;
    private long size;
    private boolean finished;

    BlobWriter(Path dir) {
        this.dir = dir;
        this.temp = dir.resolve(TempNames.next());
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new BerthException("cannot create a blob in " + dir + ": " + e.getMessage(), e);
        }
        this.stream = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)), digest);
    }

    /** Where to write the blob's bytes. Do not close it; commit or close the writer instead. */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Ends writing: flushes and fsyncs the temporary file and returns the digest of what was written, so a
     * caller can pin the digest before {@link #commit}. Idempotent.
     */
    public String seal() throws IOException {
        if (sealedDigest == null) {
            stream.flush();
            channel.force(true);
            size = channel.size();
            channel.close();
            sealedDigest = Sha256.format(digest);
        }
        return sealedDigest;
    }

    /**
     * Makes the blob durable and visible under its digest (sealing it first if needed).
     *
     * @param expectedDigest the digest the content must have, or {@code null} to accept any
     * @throws InvalidArgumentException when the content does not match {@code expectedDigest}
     */
    public Blob commit(String expectedDigest) throws IOException {
        String actual = seal();
        if (expectedDigest != null && !expectedDigest.equals(actual)) {
            throw new InvalidArgumentException("blob digest mismatch: expected " + expectedDigest + ", got " + actual);
        }
        Path target = dir.resolve(Sha256.hex(actual));
        boolean created = !Files.exists(target);
        if (created) {
            AtomicFiles.moveIntoPlace(temp, target);
        } else {
            Files.delete(temp);
        }
        finished = true;
        return new Blob(actual, size, created);
    }

    /** Discards the blob unless it was committed. Idempotent. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
        } catch (IOException e) {
            // the temp file is deleted below or at the next start
        }
        AtomicFiles.deleteQuietly(temp);
    }
}
