package io.berth.images.internal.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import io.berth.api.error.InvalidArgumentException;

/** Recognizes the compression of a layer archive by its magic bytes. */
public final class ArchiveStreams {

    private static final int MAGIC_LENGTH = 6;
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0x00};
    private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private ArchiveStreams() {
    }

    /**
     * The uncompressed tar stream of {@code raw}: gzip (also concatenated members) is decompressed, anything
     * else is taken as a plain tar. The returned stream reads from {@code raw}; closing it closes {@code raw}.
     *
     * @throws InvalidArgumentException for bzip2, xz or zstd (not supported) and for a corrupt gzip header
     * @throws IOException              when reading {@code raw} fails
     */
    public static InputStream uncompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(MAGIC_LENGTH);
        byte[] magic = in.readNBytes(MAGIC_LENGTH);
        in.reset();
        if (startsWith(magic, GZIP)) {
            return gzip(in);
        }
        if (startsWith(magic, BZIP2) || startsWith(magic, XZ) || startsWith(magic, ZSTD)) {
            throw new InvalidArgumentException("unsupported layer compression: use a plain or gzip-compressed tar");
        }
        return in;
    }

    private static InputStream gzip(InputStream in) {
        try {
            return new GzipCompressorInputStream(in, true);
        } catch (IOException e) {
            throw LayerErrors.invalidArchive(e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
