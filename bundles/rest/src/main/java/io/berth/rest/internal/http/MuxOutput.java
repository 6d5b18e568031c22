package io.berth.rest.internal.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Docker's stream framing. Without a TTY each payload gets the 8-byte header (stream byte, three zero bytes,
 * big-endian length); with a TTY bytes go out raw. Thread-safe: stdout and stderr writers may share it.
 */
public final class MuxOutput {

    /** Stream numbers of the frame header. */
    public static final int STDIN = 0;
    public static final int STDOUT = 1;
    public static final int STDERR = 2;
    /** A daemon error, shown by the CLI as an error. */
    public static final int SYSTEM_ERR = 3;

    private final OutputStream out;
    private final boolean tty;

    public MuxOutput(OutputStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    /** Writes one payload on the given stream and flushes it. */
    public synchronized void write(int stream, byte[] payload) throws IOException {
        if (payload.length == 0) {
            return;
        }
        if (tty) {
            out.write(payload);
        } else {
            byte[] frame = new byte[8 + payload.length];
            frame[0] = (byte) stream;
            int n = payload.length;
            frame[4] = (byte) (n >>> 24);
            frame[5] = (byte) (n >>> 16);
            frame[6] = (byte) (n >>> 8);
            frame[7] = (byte) n;
            System.arraycopy(payload, 0, frame, 8, n);
            out.write(frame);
        }
        out.flush();
    }

    /**
     * The Content-Type of a stream: since API 1.42 dockerd tells framed and raw streams apart; before, it called
     * every stream raw.
     */
    public static String contentType(ApiVersion version, boolean tty) {
        return tty || !version.atLeast(42) ? "application/vnd.docker.raw-stream"
                : "application/vnd.docker.multiplexed-stream";
    }
}
