package org.khulasa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for requests that no well-behaved
 * client would send (lying Content-Length, broken chunking, odd methods, raw bytes in paths).
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A request: the request line, the headers as given, then the body, nothing added. */
    public static byte[] request(String method, String target, List<String> headerLines, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** The usual headers (Host, Connection: close, a true Content-Length) plus {@code extra}. */
    public static byte[] request(String method, String target, byte[] body, String... extra) {
        List<String> lines = new ArrayList<>(List.of("Host: 127.0.0.1", "Connection: close"));
        lines.addAll(List.of(extra));
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
            lines.add("Content-Length: " + body.length);
        }
        return request(method, target, lines, body);
    }

    /**
     * Sends {@code raw}, optionally closes the sending side (the server then sees the end of the
     * body early), and reads one response. Throws when no complete response arrives in time.
     */
    public static Response exchange(int port, byte[] raw, boolean halfClose, Duration timeout) throws IOException {
        return exchange(port, raw, halfClose, timeout, InetAddress.getLoopbackAddress());
    }

    /** As above, from {@code from}: any 127.x.y.z reaches the server on Linux, as a distinct client. */
    public static Response exchange(int port, byte[] raw, boolean halfClose, Duration timeout, InetAddress from)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(raw);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer (413, 401) and stop reading before all is sent: read on.
            }
            boolean head = raw.length > 5 && new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            Response response = read(in, head);
            while (response.status() >= 100 && response.status() < 200) {
                response = read(in, head);
            }
            return response;
        }
    }

    public static Response exchange(int port, byte[] raw) throws IOException {
        return exchange(port, raw, false, Duration.ofSeconds(15));
    }

    public static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        if (head || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("the body ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static int chunkSize(String line) throws IOException {
        if (line == null) {
            throw new IOException("the chunked body ended early");
        }
        return Integer.parseInt(line.split(";", 2)[0].strip(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buffer.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
