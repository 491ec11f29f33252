package org.khulasa.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The floor of the stack under Khulasa: a bare Jetty 12 core handler (no Javalin, no servlet)
 * serving one feed's bytes, plain and gzip, from memory with pre-encoded headers in one write, and
 * 304 to its own ETag. Run by {@code bench/run.sh} beside Khulasa and nginx, never as a test.
 *
 * <pre>BareJetty PORT PATH PLAIN_FILE GZIP_FILE CONTENT_TYPE [MAX_AGE ["Name: value"…]]</pre>
 *
 * It sends the same header fields Khulasa sends for a feed (for a page: its max-age of 60 s and
 * its further fields, given after the type), so that only the layers above Jetty differ between
 * the two.
 */
public final class BareJetty extends Handler.Abstract {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final String path;
    private final Variant plain;
    private final Variant gzip;

    private BareJetty(String path, Variant plain, Variant gzip) {
        this.path = path;
        this.plain = plain;
        this.gzip = gzip;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path plainFile = Path.of(args[2]);
        byte[] plainBytes = Files.readAllBytes(plainFile);
        byte[] gzipBytes = Files.readAllBytes(Path.of(args[3]));
        String hash = sha256(plainBytes);
        String lastModified = HTTP_DATE.format(Files.getLastModifiedTime(plainFile).toInstant());
        String maxAge = args.length > 5 ? args[5] : "300";
        List<HttpField> extra = new java.util.ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            int colon = args[i].indexOf(':');
            extra.add(new PreEncodedHttpField(args[i].substring(0, colon), args[i].substring(colon + 1).strip()));
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new BareJetty(args[1],
                Variant.of(plainBytes, '"' + hash + '"', lastModified, args[4], maxAge, extra, false),
                Variant.of(gzipBytes, '"' + hash + "-gz\"", lastModified, args[4], maxAge, extra, true)));
        server.start();
        server.join();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!path.equals(Request.getPathInContext(request))) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        HttpFields headers = request.getHeaders();
        String encodings = headers.get(HttpHeader.ACCEPT_ENCODING);
        Variant variant = encodings != null && encodings.contains("gzip") ? gzip : plain;
        boolean notModified = variant.etag.equals(headers.get(HttpHeader.IF_NONE_MATCH));
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField field : notModified ? variant.notModified : variant.ok) {
            out.add(field);
        }
        response.setStatus(notModified ? 304 : 200);
        response.write(true, notModified ? null : ByteBuffer.wrap(variant.body), callback);
        return true;
    }

    private record Variant(byte[] body, String etag, List<HttpField> ok, List<HttpField> notModified) {
        static Variant of(byte[] body, String etag, String lastModified, String contentType, String maxAge,
                List<HttpField> extra, boolean gzipped) {
            List<HttpField> validators = List.of(
                    new PreEncodedHttpField(HttpHeader.ETAG, etag),
                    new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, lastModified),
                    new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=" + maxAge),
                    new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding"));
            List<HttpField> ok = new java.util.ArrayList<>(validators);
            ok.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType));
            ok.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, body.length));
            ok.add(new PreEncodedHttpField(HttpHeader.CONTENT_LANGUAGE, "ar"));
            ok.add(new PreEncodedHttpField("X-Content-Type-Options", "nosniff"));
            ok.addAll(extra);
            if (gzipped) {
                ok.add(new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip"));
            }
            return new Variant(body, etag, List.copyOf(ok), validators);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
