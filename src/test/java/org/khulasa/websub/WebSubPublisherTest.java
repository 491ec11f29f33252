package org.khulasa.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.FeedXml;
import org.khulasa.TestServer;

/**
 * The publisher's side: every feed names its hub and itself (WebSub section 4, discovery), and
 * with external hubs configured, each change is announced to them.
 */
class WebSubPublisherTest {
    @TempDir
    Path dataDir;

    @Test
    void section_4_every_feed_names_the_hub_and_itself_in_its_body_and_link_header() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            server.create(Articles.article("خبر", "politics", "nizar-samir").toString());
            String hub = server.url("/websub");
            for (String path : new String[] {"/feeds/atom.xml", "/feeds/category/politics/rss.xml", "/feeds/author/nizar-samir/feed.json"}) {
                // Twice: the first answer is rendered through the routes, the second comes from the feed cache.
                for (int i = 0; i < 2; i++) {
                    HttpResponse<byte[]> response = server.getBytes(path);
                    String link = TestServer.header(response, "Link").orElseThrow();
                    assertTrue(link.contains("<" + hub + ">; rel=\"hub\""), link);
                    assertTrue(link.contains("<" + server.url(path) + ">; rel=\"self\""), link);
                    if (path.endsWith(".json")) {
                        JsonNode feed = TestServer.JSON.readTree(response.body());
                        assertEquals(hub, feed.get("hubs").get(0).get("url").asText());
                        assertEquals("WebSub", feed.get("hubs").get(0).get("type").asText());
                    } else {
                        FeedXml xml = FeedXml.parse(response.body());
                        String root = path.endsWith("atom.xml") ? "/a:feed" : "/rss/channel";
                        assertEquals(hub, xml.text(root + "/a:link[@rel='hub']/@href"));
                        assertEquals(server.url(path), xml.text(root + "/a:link[@rel='self']/@href"));
                    }
                }
            }
        }
    }

    @Test
    void with_external_hubs_feeds_name_them_and_each_changed_feed_is_announced_with_a_publish_ping() throws Exception {
        BlockingQueue<String> pings = new LinkedBlockingQueue<>();
        HttpServer externalHub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        externalHub.createContext("/hub", exchange -> {
            try (exchange) {
                pings.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        externalHub.start();
        String hubUrl = "http://127.0.0.1:" + externalHub.getAddress().getPort() + "/hub";
        try (TestServer server = TestServer.start(dataDir, Map.of("KHULASA_WEBSUB_HUBS", hubUrl))) {
            server.create(Articles.article("رياضة", "sports", "omar-khatib").toString());
            drain(pings, 9); // site, sports and omar-khatib, in three formats each

            FeedXml atom = FeedXml.parse(server.getBytes("/feeds/atom.xml").body());
            assertEquals(hubUrl, atom.text("/a:feed/a:link[@rel='hub']/@href"));
            assertEquals(404, server.get("/websub").statusCode());

            server.create(Articles.article("سياسة", "politics", "nizar-samir").toString());
            Set<String> announced = drain(pings, 9);
            Set<String> expected = new HashSet<>();
            for (String feed : new String[] {"/feeds/", "/feeds/category/politics/", "/feeds/author/nizar-samir/"}) {
                for (String file : new String[] {"rss.xml", "atom.xml", "feed.json"}) {
                    expected.add("hub.mode=publish&hub.url=" + WebSubHubTest.enc(server.url(feed + file)));
                }
            }
            assertEquals(expected, announced);
        } finally {
            externalHub.stop(0);
        }
    }

    private static Set<String> drain(BlockingQueue<String> pings, int count) throws InterruptedException {
        Set<String> got = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String ping = pings.poll(WebSubHubTest.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (ping == null) {
                throw new AssertionError("only " + got.size() + " pings within " + WebSubHubTest.WAIT + ": " + got);
            }
            got.add(ping);
        }
        return got;
    }
}
