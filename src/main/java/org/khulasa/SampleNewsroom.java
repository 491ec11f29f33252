package org.khulasa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.khulasa.article.ArticleDraft;
import org.khulasa.article.ArticleQuery;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.ImportedArchive;
import org.khulasa.web.ArticleRequest;

/**
 * The sample newsroom of {@code feeds/sample/} (packed into the jar as {@code /sample/NN.json}),
 * read exactly as the editor API reads a post. Article N gets id N in an empty database.
 */
public final class SampleNewsroom {
    private SampleNewsroom() {
    }

    /** The sample articles in order, validated and sanitized like any post. */
    public static List<ArticleDraft> articles() {
        List<ArticleDraft> drafts = new ArrayList<>();
        for (int n = 1; ; n++) {
            String resource = String.format("/sample/%02d.json", n);
            try (InputStream in = SampleNewsroom.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return drafts;
                }
                drafts.add(ArticleRequest.parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
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
                .map(d -> new ImportedArchive.Article(null, 0, d,
                        Objects.requireNonNull(d.published(), "every sample article says when it was published"), List.of()))
                .toList(), List.of(), List.of()));
        // Each article was matched against those loaded before it; now all see all.
        store.recomputeRelated((step, done, total) -> { });
        return drafts.size();
    }
}
