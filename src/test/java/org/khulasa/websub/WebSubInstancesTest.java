package org.khulasa.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khulasa.Articles;
import org.khulasa.TestDatabase;
import org.khulasa.TestServer;

/** Two instances on one PostgreSQL: each change is delivered once, not once per instance (section 7). */
class WebSubInstancesTest {
    @TempDir
    Path data;

    @Test
    void section_7_two_instances_sharing_a_database_deliver_each_change_once() throws Exception {
        TestDatabase.requirePostgres();
        Map<String, String> env = new HashMap<>(WebSubHubTest.PRIVATE_OK);
        env.put("KHULASA_BASE_URL", "http://news.example");
        String topic = "http://news.example/feeds/category/politics/atom.xml";
        try (TestServer a = TestServer.start(data, env); TestServer b = TestServer.start(data, env);
                TestSubscriber subscriber = new TestSubscriber()) {
            a.create(Articles.article("خبر", "politics", "nizar-samir").toString());
            assertEquals(202, WebSubHubTest.subscribe(a, "subscribe", topic, subscriber.callback("/p"), null, null).statusCode());
            subscriber.nextNotice(WebSubHubTest.WAIT);
            WebSubHubTest.awaitSubscriptions(a, 1);

            b.create(Articles.article("خبر من الثانية", "politics", "nizar-samir").toString());
            assertTrue(subscriber.nextDistribution(WebSubHubTest.WAIT).text().contains("خبر من الثانية"));
            a.create(Articles.article("خبر من الأولى", "politics", "nizar-samir").toString());
            assertTrue(subscriber.nextDistribution(WebSubHubTest.WAIT).text().contains("خبر من الأولى"));
            // Nothing left queued or in flight on either instance, and no second copy came.
            WebSubHubTest.awaitNothingDue(a, Instant.now());
            assertTrue(subscriber.distributions.isEmpty(), "a change was delivered twice");
        }
    }
}
