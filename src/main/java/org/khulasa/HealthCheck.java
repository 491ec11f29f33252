package org.khulasa;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code --health-check}: asks the server on this machine for {@code /health}, at the address it
 * listens on, for container
 * health checks in images that have no curl. Exit status 0 when it answers 200, 1 otherwise.
 */
final class HealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthCheck() {
    }

    /** {@code host}: KHULASA_HOST, the address the server listens on (unset or a wildcard: every one, so loopback). */
    static int run(Optional<String> host, int port) {
        String address = host.filter(h -> !h.equals("0.0.0.0") && !h.equals("::")).orElse("127.0.0.1");
        URI uri = URI.create("http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port + "/health");
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            System.out.println(uri + " answered " + response.statusCode());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println(uri + " did not answer: interrupted");
            return 1;
        } catch (java.net.ConnectException e) {
            System.err.println(uri + " did not answer: nothing listens on port " + port);
            return 1;
        } catch (java.io.IOException e) {
            System.err.println(uri + " did not answer: " + CommandLine.describe(e));
            return 1;
        }
    }
}
