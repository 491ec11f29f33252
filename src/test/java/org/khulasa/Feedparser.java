package org.khulasa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Python's feedparser (Debian's python3-feedparser), an independent reader of RSS, Atom and
 * JSON Feed, run on a feed's bytes. Answers what it understood as JSON: {@code bozo},
 * {@code version}, the feed's {@code title}, {@code language} and links, and each entry's
 * {@code id}, {@code title}, {@code link}, {@code published}, {@code updated} and {@code tags}.
 */
public final class Feedparser {
    private static final String SCRIPT = """
            import feedparser, json, sys, time
            d = feedparser.parse(sys.stdin.buffer.read(), response_headers={'content-type': sys.argv[1]})
            def t(x):
                return time.strftime('%Y-%m-%dT%H:%M:%SZ', x) if x else None
            print(json.dumps({
                'bozo': int(d.bozo), 'bozo_exception': repr(d.get('bozo_exception')),
                'version': d.version, 'title': d.feed.get('title'), 'language': d.feed.get('language'),
                'links': [dict(l) for l in d.feed.get('links', [])],
                'entries': [{'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'),
                             'published': t(e.get('published_parsed')), 'updated': t(e.get('updated_parsed')),
                             'tags': [x.get('term') for x in e.get('tags', [])],
                             'content': [c.get('value') for c in e.get('content', [])]}
                            for e in d.entries]}))
            """;

    private Feedparser() {
    }

    /** {@code contentType} as the server sent it: feedparser tells JSON Feed from XML by it. */
    public static JsonNode parse(byte[] feed, String contentType) {
        try {
            Process python = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT, contentType).start();
            try (OutputStream in = python.getOutputStream()) {
                in.write(feed);
            }
            byte[] out = python.getInputStream().readAllBytes();
            String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
                python.destroyForcibly();
                throw new AssertionError("feedparser failed: " + err);
            }
            return TestServer.parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
