package io.berth.images.internal.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read and reports the running total to a callback every {@code step} bytes and once at
 * the end of the stream. Not thread-safe.
 */
public final class ProgressInputStream extends FilterInputStream {

    private final long step;
    private final LongConsumer progress;
    private long count;
    private long reported;
    private boolean ended;

    public ProgressInputStream(InputStream in, long step, LongConsumer progress) {
        super(in);
        this.step = step;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        advance(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        advance(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance((int) Math.min(skipped, Integer.MAX_VALUE));
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    private void advance(int n) {
        if (n < 0) {
            if (!ended) {
                ended = true;
                progress.accept(count);
            }
            return;
        }
        count += n;
        if (count - reported >= step) {
            reported = count;
            progress.accept(count);
        }
    }
}
