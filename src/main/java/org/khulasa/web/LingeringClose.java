package org.khulasa.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads and drops what is left of a request body the server refuses, so that the answer reaches
 * a client still sending (the client reads only once its body is out). Bounded in bytes and in
 * time: a body declared larger than {@link #MAX_BYTES} is not read at all, and a client that
 * stalls is cut off after {@link #MAX_TIME}. The connection is closed after the answer.
 */
final class LingeringClose {
    static final long MAX_BYTES = 16L * 1024 * 1024;
    static final Duration MAX_TIME = Duration.ofSeconds(5);

    private LingeringClose() {
    }

    static void discard(Context ctx, InputStream in, long declared) {
        ctx.header("Connection", "close");
        if (declared > MAX_BYTES) {
            return; // cheaper to cut the connection than to take in that much
        }
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        // A stalled client would hold a read for the whole idle timeout; this one is shorter.
        EndPoint endPoint = endPoint(ctx);
        if (endPoint != null) {
            endPoint.setIdleTimeout(Math.min(endPoint.getIdleTimeout(), MAX_TIME.toMillis()));
        }
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            while (read < MAX_BYTES && System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException e) {
            // The client gave up or stalled: the answer goes out if it still can.
        }
    }

    private static EndPoint endPoint(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
    }
}
