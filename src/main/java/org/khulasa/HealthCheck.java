package org.khulasa;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code --health-check}: asks the server on this machine for {@code /health}, for container
 * health checks in images that have no curl. Exit status 0 when it answers 200, 1 otherwise.
 */
final class HealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthCheck() {
    }

    static int run(int port) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/health");
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
