package io.berth.rest.internal.http;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * An input stream fed by another thread: {@link #offer} adds bytes, {@link #endOfInput} ends the stream after
 * the bytes already offered, {@link #close} ends it at once. Reads block until bytes or the end arrive.
 */
final class PipeInputStream extends InputStream {

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int pos;
    private boolean ended;
    private boolean closed;

    synchronized void offer(byte[] bytes) {
        if (!ended && !closed && bytes.length > 0) {
            chunks.add(bytes);
            notifyAll();
        }
    }

    synchronized void endOfInput() {
        ended = true;
        notifyAll();
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        while ((current == null || pos == current.length) && chunks.isEmpty()) {
            if (ended || closed) {
                return -1;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        if (closed) {
            return -1;
        }
        if (current == null || pos == current.length) {
            current = chunks.poll();
            pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized void close() {
        closed = true;
        chunks.clear();
        notifyAll();
    }
}
