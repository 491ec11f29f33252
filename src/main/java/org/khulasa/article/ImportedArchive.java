package org.khulasa.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Articles moved in from another publishing system (WordPress), beside the {@link ArticleStore}:
 * the ids their old feeds gave them, the addresses they were read at, and what an import needs to
 * resume. Writes come in batches, each whole or not at all.
 */
public interface ImportedArchive {

    /** Nothing was ever imported. */
    ImportedArchive NONE = new ImportedArchive() {
        @Override
        public Map<Long, String> feedIds(Collection<Long> articleIds) {
            return Map.of();
        }

        @Override
        public Optional<Redirect> redirect(String oldAddress, Instant now) {
            return Optional.empty();
        }

        @Override
        public Set<String> write(Batch batch) {
            throw new UnsupportedOperationException("no archive to import into");
        }

        @Override
        public Map<Integer, RelatedMatcher.IndexedText> wordsOf(List<Article> articles) {
            return Map.of();
        }

        @Override
        public Map<Long, Attachment> attachments(Collection<Long> sourceIds) {
            return Map.of();
        }

        @Override
        public Map<Long, Attachment> owedImages(int limit) {
            return Map.of();
        }

        @Override
        public int giveImages(Map<Long, Optional<Image>> images, long newestBefore) {
            return 0;
        }

        @Override
        public long imagesOwed() {
            return 0;
        }

        @Override
        public Map<String, String> slugs(String kind) {
            return Map.of();
        }

        @Override
        public boolean relatedPending() {
            return false;
        }

        @Override
        public void relatedChosen() {
        }

        @Override
        public long newestArticleId() {
            return 0;
        }

        @Override
        public void countIndexedWords() {
        }

        @Override
        public void settle() {
        }
    };

    /** The id each imported article had in its old feeds (RSS guid, Atom id), by article id. */
    Map<Long, String> feedIds(Collection<Long> articleIds);

    /**
     * Where an old address now leads, if it was public and its article is out by {@code now}.
     * {@code oldAddress} is a path with a trailing slash, percent-decoded ({@code /category/محليات/}),
     * or a query on the home page ({@code ?p=12}).
     */
    Optional<Redirect> redirect(String oldAddress, Instant now);

    /**
     * Writes a batch in one transaction; answers the guids of the articles it added. An article whose guid
     * was imported before is left as it is: only its old addresses not yet known are added.
     */
    Set<String> write(Batch batch);

    /**
     * The words to index of those of {@code articles} not imported before, by their place in the
     * list, for {@link Batch#words}: analysing them is pure work (after one read), so it can go
     * on while the batch before is written.
     */
    Map<Integer, RelatedMatcher.IndexedText> wordsOf(List<Article> articles);

    /**
     * Adds the words the batches indexed to the index's term counts, where they wait to be added
     * at once; an import calls it after its last batch, before related lists are chosen.
     */
    void countIndexedWords();

    /** The old site's images among {@code sourceIds}, as remembered by batches ({@link Batch#attachments}). */
    Map<Long, Attachment> attachments(Collection<Long> sourceIds);

    /**
     * Up to {@code limit} imported articles, by id, whose featured image was not known when they
     * were written ({@link Batch#imagesOwed}) and whose attachment is known now.
     */
    Map<Long, Attachment> owedImages(int limit);

    /**
     * Gives articles the featured images they were owed (empty: the attachment cannot be shown),
     * in one transaction, unless an editor gave them one meanwhile; they are owed nothing more
     * either way. Articles with ids above {@code newestBefore} were written by this run (their
     * attachment came later in the file): the image is part of their first revision. Answers how
     * many articles imported before this run changed.
     */
    int giveImages(Map<Long, Optional<Image>> images, long newestBefore);

    /** How many imported articles still wait for a featured image no import has brought yet. */
    long imagesOwed();

    /** Slugs chosen earlier for old ones ({@code kind} is "category" or "author"): old → new. */
    Map<String, String> slugs(String kind);

    /** Whether articles were imported since related lists were last chosen for them all. */
    boolean relatedPending();

    void relatedChosen();

    /** The largest article id stored (0: none): articles imported after this call have larger ones. */
    long newestArticleId();

    /**
     * Makes everything written so far survive a crash (batches are committed without waiting for
     * the disk); an import calls it before it reports success.
     */
    void settle();

    /**
     * One article to import: its old feed id (null: none, the article gets this site's own), the
     * time it was last modified, its old addresses.
     */
    record Article(String guid, long sourceId, ArticleDraft draft, Instant updated, List<String> oldAddresses) {
        public Article {
            oldAddresses = List.copyOf(oldAddresses);
        }
    }

    /** An old address leading somewhere else than an article (a section's page or feed), or gone (410). */
    record Address(String oldAddress, String target, int status) {
    }

    /**
     * An old address leading to a tag's page or one of its feeds ({@code target}, with
     * {@value #TAG_SLUG} where the slug goes): the store gives tags their slugs as it writes them.
     */
    record TagAddress(String oldAddress, String tag, String target) {
        public static final String TAG_SLUG = "{slug}";
    }

    /** A new slug chosen for an old one, remembered so a later run chooses the same. */
    record SlugChoice(String kind, String oldSlug, String slug) {
    }

    /** An image of the old site, for articles that show it as theirs. */
    record Attachment(long sourceId, String url, String caption, String alt) {
    }

    /** A status (301, or 410 Gone) and the path to go to instead (none with 410). */
    record Redirect(int status, String location) {
    }

    /**
     * One transaction's worth. With {@code indexWords}, the words of the articles it adds are
     * indexed in the same transaction, ready for related lists to be chosen at the end: when
     * {@code words} holds them already analysed ({@link #wordsOf}, by place in {@code articles}),
     * as they are; else the write analyses them. {@code imagesOwed}: the featured image (the
     * attachment's old id) of articles, by guid, whose attachment is not known yet.
     * {@code attachments}: the old site's images read since the batch before, remembered first.
     */
    record Batch(List<Article> articles, List<Address> addresses, List<TagAddress> tagAddresses, List<SlugChoice> slugs,
                 boolean indexWords, Optional<Map<Integer, RelatedMatcher.IndexedText>> words, Map<String, Long> imagesOwed,
                 List<Attachment> attachments) {
        public Batch {
            articles = List.copyOf(articles);
            addresses = List.copyOf(addresses);
            tagAddresses = List.copyOf(tagAddresses);
            slugs = List.copyOf(slugs);
            words = words.map(Map::copyOf);
            imagesOwed = Map.copyOf(imagesOwed);
            attachments = List.copyOf(attachments);
        }

        public Batch(List<Article> articles, List<Address> addresses, List<SlugChoice> slugs, boolean indexWords) {
            this(articles, addresses, List.of(), slugs, indexWords, Optional.empty(), Map.of(), List.of());
        }
    }
}
