package io.berth.rest.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.FutureCallback;

/**
 * The raw connection after {@code 101 UPGRADED}. Bytes from the client (including those that arrived right
 * after the request) go to the session's input; a read EOF closes that input only (Docker clients half-close
 * after their stdin ends and keep reading). The session writes with blocking writes; when it returns, the
 * output is shut down and the connection closed.
 */
final class HijackConnection extends AbstractConnection implements Connection.UpgradeTo {

    private final HijackSession session;
    private final PipeInputStream input = new PipeInputStream();

    HijackConnection(EndPoint endPoint, Executor executor, HijackSession session) {
        super(endPoint, executor);
        this.session = session;
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffer) {
        if (buffer != null && buffer.hasRemaining()) {
            byte[] early = new byte[buffer.remaining()];
            buffer.get(early);
            input.offer(early);
        }
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().setIdleTimeout(0);
        fillInterested();
        getExecutor().execute(this::runSession);
    }

    private void runSession() {
        try (OutputStream out = new EndPointOutput()) {
            Hijack.runQuietly(session, input, out);
        } catch (IOException ignored) {
            // the client is gone; nothing left to do
        } finally {
            input.close();
            getEndPoint().shutdownOutput();
            getEndPoint().close();
        }
    }

    @Override
    public void onFillable() {
        try {
            while (true) {
                ByteBuffer buf = ByteBuffer.allocate(8192);
                buf.flip();
                int n = getEndPoint().fill(buf);
                if (n > 0) {
                    byte[] bytes = new byte[buf.remaining()];
                    buf.get(bytes);
                    input.offer(bytes);
                } else if (n == 0) {
                    fillInterested();
                    return;
                } else {
                    input.endOfInput();
                    return;
                }
            }
        } catch (IOException e) {
            input.endOfInput();
        }
    }

    @Override
    public boolean onIdleExpired(java.util.concurrent.TimeoutException timeout) {
        return false;
    }

    /** Blocking writes to the endpoint. */
    private final class EndPointOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            FutureCallback cb = new FutureCallback();
            getEndPoint().write(cb, ByteBuffer.wrap(b, off, len));
            try {
                cb.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            } catch (ExecutionException e) {
                throw new IOException("client went away", e.getCause());
            }
        }
    }
}
