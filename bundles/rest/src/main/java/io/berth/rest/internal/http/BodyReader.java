package io.berth.rest.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads a request body into memory with a limit: more than the limit is a 413, the rest is not read. */
final class BodyReader {

    private BodyReader() {
    }

    static byte[] read(Request request, long limit) throws IOException {
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        try (InputStream in = Content.Source.asInputStream(request)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > limit) {
                    throw tooLarge(limit);
                }
            }
        }
        return out.toByteArray();
    }

    private static HttpError tooLarge(long limit) {
        return new HttpError(413, "request body is larger than the limit of " + limit + " bytes");
    }
}
