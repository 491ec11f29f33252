package org.khulasa.web;

import java.util.Locale;
import org.khulasa.web.http.EntityTags;
import org.khulasa.web.http.HttpDates;

/**
 * What a poller's request headers ask of a cached feed: the gzip bytes or the plain ones, and
 * whether it already holds this version (304). Shared by both ways a feed is served.
 */
final class ConditionalGet {

    private ConditionalGet() {
    }

    /** If-None-Match wins when present (RFC 9110 §13.2.2). */
    static boolean notModified(FeedCache.Entry entry, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            return EntityTags.anyMatches(ifNoneMatch, entry.etag(), entry.gzipEtag());
        }
        return HttpDates.parse(ifModifiedSince).map(since -> !entry.lastModified().isAfter(since)).orElse(false);
    }

    /** Whether gzip is acceptable: listed (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        // What nearly every poller sends, answered without splitting the header.
        if (acceptEncoding.equals("gzip") || acceptEncoding.equals("gzip, deflate") || acceptEncoding.equals("gzip, deflate, br")) {
            return true;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim();
            boolean allowed = true;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        allowed = Double.parseDouble(param.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        allowed = false;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = allowed;
            } else if (coding.equals("*")) {
                any = allowed;
            }
        }
        return gzip != null ? gzip : any != null && any;
    }
}
