package org.khulasa.websub;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the hub will call: {@code http}/{@code https} without credentials or fragment,
 * whose host resolves only to public addresses, unless private ones are allowed (tests, closed
 * networks). The hub is a way into the newsroom's network; this is its door. Checked when a
 * subscription is asked for and again before every request, as DNS answers may change.
 */
final class CallbackPolicy {
    static final int MAX_URL_LENGTH = 2_000;

    private final boolean allowPrivate;

    CallbackPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL, parsed and checked; throws {@link HubException} (400/403) naming what is wrong. */
    URI check(String field, String url) {
        if (url == null || url.isBlank()) {
            throw HubException.badRequest(field, "is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw HubException.badRequest(field, "is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw HubException.badRequest(field, "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw HubException.badRequest(field, "must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw HubException.badRequest(field, "must not carry credentials");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw HubException.badRequest(field, "has no host");
        }
        if (uri.getRawFragment() != null) {
            throw HubException.badRequest(field, "must not have a fragment");
        }
        requirePublic(field, uri.getHost());
        return uri;
    }

    /** Throws unless every address of {@code host} may be called. */
    void requirePublic(String field, String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw HubException.badRequest(field, "names a host that does not resolve: " + host);
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw HubException.forbidden(field, "resolves to a loopback, link-local or private address ("
                        + address.getHostAddress() + "); set KHULASA_WEBSUB_ALLOW_PRIVATE=true to allow it");
            }
        }
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // fc00::/7, unique local
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 240; // reserved and broadcast
    }
}
