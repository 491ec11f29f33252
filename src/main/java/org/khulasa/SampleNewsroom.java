package org.khulasa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.khulasa.article.Article;
import org.khulasa.article.ArticleContent;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.ImportedArchive;
import org.khulasa.article.Revisions;
import org.khulasa.web.ArticleRequest;

/**
 * The sample newsroom of {@code feeds/sample/} (packed into the jar as {@code /sample/NN.json}),
 * read exactly as the editor API reads a post. Article N gets id N in an empty database. An
 * {@code NN.edit.json} beside an article is a later edit of it (a correction, say), applied as a
 * {@code PUT} would be once every article is in.
 */
public final class SampleNewsroom {
    private SampleNewsroom() {
    }

    /** The sample articles in order, validated and sanitized like any post. */
    public static List<ArticleDraft> articles() {
        List<ArticleDraft> drafts = new ArrayList<>();
        for (int n = 1; ; n++) {
            Optional<ArticleDraft> article = read(String.format("/sample/%02d.json", n));
            if (article.isEmpty()) {
                return drafts;
            }
            drafts.add(article.get());
        }
    }

    /** The later edits of the sample, by article number (= id in an empty database). */
    public static Map<Long, ArticleDraft> edits() {
        Map<Long, ArticleDraft> edits = new TreeMap<>();
        int count = articles().size();
        for (long n = 1; n <= count; n++) {
            Optional<ArticleDraft> edit = read(String.format("/sample/%02d.edit.json", n));
            if (edit.isPresent()) {
                edits.put(n, edit.get());
            }
        }
        return edits;
    }

    private static Optional<ArticleDraft> read(String resource) {
        try (InputStream in = SampleNewsroom.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(ArticleRequest.parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Loads the sample into {@code store} if it holds no article yet; answers how many were loaded.
     * Each article's {@code updated} is its publication time (as if never edited since), not the
     * moment of loading: a reader subscribed to a sample feed sees no item change on a restart.
     */
    public static int loadIfEmpty(ArticleStore store, ImportedArchive archive) {
        if (!store.list(ArticleQuery.site(null, 1)).isEmpty()) {
            return 0;
        }
        List<ArticleDraft> drafts = articles();
        archive.write(new ImportedArchive.Batch(drafts.stream()
                .map(d -> new ImportedArchive.Article(null, 0, d, Objects.requireNonNull(d.content().published(),
                        "every sample article says when it was published"), List.of()))
                .toList(), List.of(), List.of(), false));
        // Edits are applied as PUTs, at the clock's time, to the article they edit (found by title
        // and time: ids are N only in a database that never held an article).
        List<Article> loaded = store.list(ArticleQuery.site(null, drafts.size()));
        edits().forEach((n, edit) -> {
            ArticleContent original = drafts.get((int) (n - 1)).content();
            long id = loaded.stream()
                    .filter(a -> a.content().title().equals(original.title())
                            && a.content().published().equals(original.published()))
                    .findFirst().orElseThrow().id();
            store.update(id, edit, Revisions.ANY);
        });
        // Indexed and matched once all are in, so that every one sees all the others.
        store.recomputeRelated((step, done, total) -> { });
        return drafts.size();
    }
}
