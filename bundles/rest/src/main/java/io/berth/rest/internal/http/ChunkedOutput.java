package io.berth.rest.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;

/**
 * A streamed response body: each write is sent (as one chunk) before it returns, so clients see messages as
 * they happen. Closing ends the response and completes the request. Writes from several threads are
 * serialised.
 */
final class ChunkedOutput extends OutputStream {

    private final Response response;
    private final Callback done;
    private boolean closed;
    private boolean failed;

    ChunkedOutput(Response response, Callback done) {
        this.response = response;
        this.done = done;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
            send(ByteBuffer.wrap(b, off, len));
        }
    }

    /** Sends whatever is pending; with nothing pending, commits the headers. */
    @Override
    public synchronized void flush() throws IOException {
        if (!response.isCommitted()) {
            send(BufferUtil.EMPTY_BUFFER);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (failed) {
            done.failed(new IOException("client went away"));
        } else {
            response.write(true, null, done);
        }
    }

    private void send(ByteBuffer buffer) throws IOException {
        if (closed || failed) {
            throw new IOException("stream closed");
        }
        FutureCallback cb = new FutureCallback();
        response.write(false, buffer, cb);
        try {
            cb.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = true;
            throw new InterruptedIOException("interrupted while writing");
        } catch (ExecutionException e) {
            failed = true;
            throw new IOException("write failed: " + e.getCause(), e.getCause());
        }
    }
}
