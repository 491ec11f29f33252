package org.khulasa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.khulasa.article.Changes;

/** What one instance's notice tells the others, read by this version and by the one before it. */
class ChangeNoticeTest {

    @Test
    void a_notice_carries_the_scopes_and_whether_the_categories_names_changed() {
        Changes scopes = Changes.of(Set.of("politics"), Set.of("nizar-samir", "huda-amin"));
        assertEquals(scopes, PostgresChangeSignal.decode(PostgresChangeSignal.encode(scopes)));
        assertEquals(scopes.withNames(), PostgresChangeSignal.decode(PostgresChangeSignal.encode(scopes.withNames())));
        assertEquals(Changes.EVERYTHING, PostgresChangeSignal.decode(PostgresChangeSignal.encode(Changes.EVERYTHING)));
        assertEquals("c:politics a: n:1", PostgresChangeSignal.encode(Changes.of(Set.of("politics"), Set.of()).withNames()));
    }

    @Test
    void an_older_instances_notice_cannot_say_whether_names_changed_so_they_count_as_changed() {
        assertEquals(Changes.of(Set.of("politics"), Set.of("nizar-samir")).withNames(),
                PostgresChangeSignal.decode("c:politics a:nizar-samir"));
        assertEquals(Changes.EVERYTHING, PostgresChangeSignal.decode("c:politics a:x n:maybe"));
        assertEquals(Changes.EVERYTHING, PostgresChangeSignal.decode("something else"));
    }
}
