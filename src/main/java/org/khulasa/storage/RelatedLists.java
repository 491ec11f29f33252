package org.khulasa.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.RelatedLink;
import org.khulasa.article.RelatedMatcher;
import org.khulasa.article.RelatedMatcher.ArticleText;
import org.khulasa.article.RelatedMatcher.IndexedText;
import org.khulasa.article.UnknownRelatedArticlesException;
import org.khulasa.article.WordIndex;

/**
 * Each article's related list in {@code article_related}: the editor's picks first, in their
 * order, then the automatic ones matching chose from the word index; and the lists of other
 * articles kept right when an article they name is edited or deleted.
 */
final class RelatedLists {

    /** Lists naming an edited or deleted article that are chosen again in the same write. */
    static final int REFRESHED_LISTS = 50;

    private final RelatedMatcher matcher;
    private final Dialect dialect;

    RelatedLists(RelatedMatcher matcher, Dialect dialect) {
        this.matcher = matcher;
        this.dialect = dialect;
    }

    /** @throws UnknownRelatedArticlesException when an id of {@code related} names no article other than {@code self} */
    static void checkExist(Handle h, List<Long> related, long self) {
        if (related.isEmpty()) {
            return;
        }
        Set<Long> existing = new HashSet<>(h.createQuery("SELECT id FROM articles WHERE id IN (<ids>)")
                .bindList("ids", related).mapTo(Long.class).list());
        existing.remove(self);
        Set<Long> unknown = new HashSet<>(related);
        unknown.removeAll(existing);
        if (!unknown.isEmpty()) {
            throw new UnknownRelatedArticlesException(related, unknown);
        }
    }

    /** Replaces {@code id}'s whole list with the editor's picks; the automatic ones follow later. */
    static void storeEditorPicks(Handle h, long id, List<Long> related) {
        h.createUpdate("DELETE FROM article_related WHERE article_id = :id").bind("id", id).execute();
        insert(h, id, 0, related, "editor");
    }

    /**
     * The automatic picks of a new article, chosen before it is written (read outside any
     * transaction, outside the write lock) from the index as the article will find it once
     * written ({@link PendingWordIndex}): they are the picks made right after the write unless
     * another article is written meanwhile. That race costs little: an article written
     * concurrently may be missing from the list (as it would be had it come a moment later), and
     * a pick deleted or moved to the future meanwhile is caught by {@link #storePicks}.
     */
    List<Long> picksBeforeWriting(Handle h, ArticleDraft draft, IndexedText words, Instant now) {
        int wanted = matcher.listSize() - draft.related().size();
        if (wanted <= 0) {
            return List.of();
        }
        ArticleText text = ArticleText.of(draft, draft.content().publishedOr(now));
        try (StoredWordIndex index = dialect.wordIndex(h)) {
            // Not written yet, so no id: 0 is none.
            return matcher.pick(text, words, 0, Set.copyOf(draft.related()), wanted, now,
                    new PendingWordIndex(index, words));
        }
    }

    /**
     * What matching would pick for {@code text} now, writing nothing: a new article ({@code self}
     * 0) is searched for as if already indexed, as {@link #picksBeforeWriting} does; a stored one
     * is in the index already.
     */
    List<RelatedLink> suggestions(Handle h, ArticleText text, long self, Set<Long> exclude, Instant now) {
        IndexedText words = matcher.indexText(text);
        if (matcher.listSize() <= 0 || words.isEmpty()) {
            return List.of();
        }
        List<Long> ids;
        try (StoredWordIndex index = dialect.wordIndex(h)) {
            ids = matcher.pick(text, words, self, exclude, matcher.listSize(), now,
                    self == 0 ? new PendingWordIndex(index, words) : index);
        }
        Map<Long, ArticleText> found = ArticleReads.textsOf(h, ids);
        return ids.stream().filter(found::containsKey).map(id -> new RelatedLink(id, found.get(id).title(), false)).toList();
    }

    /**
     * Stores picks chosen before the write after {@code editorPicks} links of the editor's, if
     * every one is still a published article other than {@code id}; false (nothing stored) if not,
     * when the list must be chosen again.
     */
    static boolean storePicks(Handle h, long id, int editorPicks, List<Long> picks, Instant now) {
        if (!picks.isEmpty()) {
            int valid = h.createQuery("""
                            SELECT COUNT(*) FROM articles
                            WHERE id IN (<picks>) AND id <> :id AND published_at <= :now AND status = 'published'
                            """)
                    .bindList("picks", picks).bind("id", id).bind("now", now.toEpochMilli())
                    .mapTo(Integer.class).one();
            if (valid != picks.size()) {
                return false;
            }
        }
        insert(h, id, editorPicks, picks, "auto");
        return true;
    }

    /** Replaces the automatic part of {@code id}'s related list, after the editor's picks. */
    void fill(Handle h, long id, ArticleText text, IndexedText words, Instant now) {
        h.createUpdate("DELETE FROM article_related WHERE article_id = :id AND chosen_by = 'auto'")
                .bind("id", id).execute();
        List<Long> editor = editorPicks(h, id);
        int wanted = matcher.listSize() - editor.size();
        if (wanted <= 0) {
            return;
        }
        int position = h.createQuery("SELECT COALESCE(MAX(position), -1) + 1 FROM article_related WHERE article_id = :id")
                .bind("id", id).mapTo(Integer.class).one();
        List<Long> picks;
        try (StoredWordIndex index = dialect.wordIndex(h)) {
            picks = matcher.pick(text, words, id, Set.copyOf(editor), wanted, now, index);
        }
        insert(h, id, position, picks, "auto");
    }

    /**
     * {@link #fill} for a page of articles at once ({@code words} holds each one's indexed text),
     * matched by {@code picks}: a few statements per page rather than several per article. Returns
     * the articles whose automatic links came out other than they were.
     */
    Set<Long> fillAll(Handle h, Map<Long, ArticleText> texts, Map<Long, IndexedText> words, Instant now, ParallelPicks picks) {
        if (texts.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = List.copyOf(texts.keySet());
        Map<Long, List<Long>> editor = new HashMap<>();
        Map<Long, List<Long>> before = new HashMap<>();
        Map<Long, Integer> next = new HashMap<>();
        InList.query(h, """
                        SELECT article_id, related_id, position, chosen_by FROM article_related WHERE article_id IN (%s)
                        ORDER BY article_id, position
                        """, ids, "reading related lists", rs -> {
                    long id = rs.getLong(1);
                    if ("auto".equals(rs.getString(4))) {
                        before.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getLong(2));
                    } else {
                        editor.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getLong(2));
                        next.merge(id, rs.getInt(3) + 1, Math::max);
                    }
                });
        InList.update(h, "DELETE FROM article_related WHERE chosen_by = 'auto' AND article_id IN (%s)", ids,
                "dropping related lists");
        List<ParallelPicks.Wanted> wanted = new ArrayList<>();
        texts.forEach((id, text) -> {
            List<Long> picked = editor.getOrDefault(id, List.of());
            int count = matcher.listSize() - picked.size();
            if (count > 0) {
                wanted.add(new ParallelPicks.Wanted(id, text, words.get(id), Set.copyOf(picked), count));
            }
        });
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO article_related (article_id, position, related_id, chosen_by) VALUES (:a, :p, :r, 'auto')
                """);
        Map<Long, List<Long>> chosen = picks.pick(h, wanted, now);
        chosen.forEach((id, list) -> {
            int position = next.getOrDefault(id, 0);
            for (long related : list) {
                insert.bind("a", id).bind("p", position++).bind("r", related).add();
            }
        });
        if (insert.size() > 0) {
            insert.execute();
        }
        Set<Long> changed = new HashSet<>();
        for (long id : ids) {
            if (!before.getOrDefault(id, List.of()).equals(chosen.getOrDefault(id, List.of()))) {
                changed.add(id);
            }
        }
        return changed;
    }

    /**
     * After {@code id} was edited or deleted, the {@code lists} that named it are chosen again, so
     * an article that no longer matches (or moved to the future, or is gone) leaves them and
     * another takes its place. The newest {@value #REFRESHED_LISTS} are redone in this write;
     * older ones only lose the automatic link, until the next full recompute.
     */
    void refreshListsNaming(Handle h, long id, List<Long> lists, Instant now) {
        List<Long> others = lists.stream().filter(other -> other != id).toList();
        List<Long> redone = others.subList(0, Math.min(others.size(), REFRESHED_LISTS));
        List<Long> trimmed = others.subList(redone.size(), others.size());
        if (!trimmed.isEmpty()) {
            h.createUpdate("""
                            DELETE FROM article_related
                            WHERE related_id = :id AND chosen_by = 'auto' AND article_id IN (<lists>)
                            """)
                    .bind("id", id).bindList("lists", trimmed).execute();
        }
        ArticleReads.textsOf(h, redone).forEach((other, text) -> fill(h, other, text, matcher.indexText(text), now));
        others.forEach(other -> ChangeStamps.touchScopesOf(h, other));
    }

    static List<Long> editorPicks(Handle h, long id) {
        return h.createQuery("""
                        SELECT related_id FROM article_related WHERE article_id = :id AND chosen_by = 'editor'
                        ORDER BY position
                        """)
                .bind("id", id).mapTo(Long.class).list();
    }

    /** The articles whose related lists name {@code id}, either way, newest first. */
    static List<Long> listsNaming(Handle h, long id) {
        return listsWith(h, id, "article_id IS NOT NULL");
    }

    /** The articles whose automatic picks include {@code id}, newest first. */
    static List<Long> listsPicking(Handle h, long id) {
        return listsWith(h, id, "chosen_by = 'auto'");
    }

    /** The articles whose editor-chosen related links include {@code id}, newest first. */
    static List<Long> listsChoosing(Handle h, long id) {
        return listsWith(h, id, "chosen_by = 'editor'");
    }

    /** {@code condition} is a fixed condition from this class. */
    private static List<Long> listsWith(Handle h, long id, String condition) {
        return h.createQuery("SELECT DISTINCT article_id FROM article_related WHERE related_id = :id AND "
                        + condition + " ORDER BY article_id DESC")
                .bind("id", id).mapTo(Long.class).list();
    }

    /** The one way links are written: {@code ids} from {@code position} on. */
    private static void insert(Handle h, long id, int position, List<Long> ids, String chosenBy) {
        for (long related : ids) {
            h.createUpdate("""
                            INSERT INTO article_related (article_id, position, related_id, chosen_by)
                            VALUES (:a, :p, :r, :by)
                            """)
                    .bind("a", id).bind("p", position++).bind("r", related).bind("by", chosenBy).execute();
        }
    }
}
