package org.khulasa.wordpress;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.khulasa.article.ArticleStore;
import org.khulasa.article.ArticleStore.RelatedProgress;
import org.khulasa.article.Image;
import org.khulasa.article.ImportedArchive;
import org.khulasa.article.RelatedMatcher;

/**
 * {@code --import-wordpress FILE}: reads a WordPress export once, streaming, and writes published
 * and scheduled posts in batches of whole articles (their words indexed in the same transactions)
 * with the images read so far; posts whose image WordPress wrote after them (as it usually does)
 * get it once the file is read. Then it chooses the related lists of the articles it added in one
 * pass.
 * Running it again adds only posts whose guid is new.
 */
public final class WordPressImport {
    static final int BATCH = 1000;
    private static final String STEP = "importing posts";

    private final ImportedArchive archive;
    private final ArticleStore store;
    private final Clock clock;
    private final RelatedProgress progress;
    private final int batchSize;

    public WordPressImport(ImportedArchive archive, ArticleStore store, Clock clock, RelatedProgress progress) {
        this(archive, store, clock, progress, BATCH);
    }

    /** With batches of {@code batchSize} items (posts and images): small ones put an image in a later batch than its post. */
    WordPressImport(ImportedArchive archive, ArticleStore store, Clock clock, RelatedProgress progress, int batchSize) {
        this.archive = archive;
        this.store = store;
        this.clock = clock;
        this.progress = progress;
        this.batchSize = batchSize;
    }

    /**
     * Imports {@code file}; with {@code related}, chooses the related lists of the articles it added
     * once the posts are in (of every article, when some were still owed by an interrupted run).
     *
     * @throws WxrException when the file is not a WordPress export or its XML breaks off; the
     *         batches written before that point stay, and a run on a whole file completes them
     */
    public ImportReport run(Path file, boolean related) throws WxrException, IOException {
        long size = Files.size(file);
        // Lists owed by an interrupted run are chosen for the whole archive, as before; otherwise
        // only this run's articles (ids above the largest one now) get lists.
        boolean owed = archive.relatedPending();
        long before = archive.newestArticleId();
        ImportReport report = new ImportReport();
        SiteMap site = new SiteMap(archive);
        PostConverter converter = new PostConverter(site, report);
        // Words are indexed as batches are written, unless the whole archive is to be indexed again.
        try (Batch batch = new Batch(site, report, related && !owed)) {
            read(file, size, new WxrReader.Visitor() {
                @Override
                public void site(String baseUrl) {
                    site.site(baseUrl);
                }

                @Override
                public void author(WxrItem.Author author) {
                    site.author(author);
                }

                @Override
                public void category(WxrItem.Category category) {
                    site.category(category);
                }

                @Override
                public void item(WxrItem item) {
                    report.comments(item.comments());
                    attachment(item).ifPresent(batch::add);
                    PostConverter.Outcome outcome = converter.convert(item, clock.instant());
                    if (outcome instanceof PostConverter.Convert c) {
                        batch.add(c);
                    } else if (outcome instanceof PostConverter.LeftOut l) {
                        report.leftOut(l.reason());
                    } else if (outcome instanceof PostConverter.Malformed m) {
                        report.malformed(item, m.why());
                    }
                    if (batch.size() >= batchSize) {
                        batch.write();
                    }
                }
            });
            site.siteAddresses();
            batch.write();
        }
        giveOwedImages(report, before);
        archive.countIndexedWords();
        if (related && archive.relatedPending()) {
            if (owed) {
                store.recomputeRelated(progress);
            } else {
                store.relateImportedAfter(before, progress);
            }
            archive.relatedChosen();
        } else if (archive.relatedPending()) {
            report.unindexed();
        }
        archive.settle();
        return report;
    }

    private void read(Path file, long size, WxrReader.Visitor visitor) throws WxrException, IOException {
        try (InputStream in = new ReadProgress(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                done -> progress.report(STEP, done, size))) {
            WxrReader.read(in, visitor);
            progress.report(STEP, size, size);
        }
    }

    /**
     * Featured images that posts written before their attachment were owed, found among the
     * attachments of this run or an earlier one: WordPress writes an image after the post it was
     * uploaded for, and a site exported in parts may come in any order.
     */
    private void giveOwedImages(ImportReport report, long before) {
        for (Map<Long, ImportedArchive.Attachment> owed; !(owed = archive.owedImages(BATCH)).isEmpty(); ) {
            Map<Long, Optional<Image>> images = new HashMap<>();
            owed.forEach((id, attachment) -> images.put(id, PostConverter.imageOf(attachment)));
            report.imagesGiven(archive.giveImages(images, before));
        }
        report.imagesOwed(archive.imagesOwed());
    }

    private static Optional<ImportedArchive.Attachment> attachment(WxrItem item) {
        if (!"attachment".equals(item.postType()) || item.attachmentUrl() == null || item.attachmentUrl().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ImportedArchive.Attachment(Long.parseLong(item.postId().strip()),
                    item.attachmentUrl().strip(), WordPressText.plain(item.excerpt()),
                    WordPressText.plain(item.meta().get("_wp_attachment_image_alt"))));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * Articles and the old site's images waiting to be written together, with the slugs and addresses
     * decided meanwhile.
     * A full batch is written on a thread of its own while the next one is read and converted, so
     * that reading and writing each keep a core busy; one batch at most is in flight, so memory
     * stays bounded. Closing waits for the last write.
     */
    private final class Batch implements AutoCloseable {
        private final SiteMap site;
        private final ImportReport report;
        private final List<PostConverter.Convert> posts = new ArrayList<>();
        private final List<ImportedArchive.Attachment> attachments = new ArrayList<>();
        private final ExecutorService writer = thread("khulasa-import-writer");
        private final ExecutorService analyser = thread("khulasa-import-words");
        private final boolean indexWords;
        private CompletableFuture<Runnable> inFlight;

        Batch(SiteMap site, ImportReport report, boolean indexWords) {
            this.site = site;
            this.report = report;
            this.indexWords = indexWords;
        }

        void add(PostConverter.Convert post) {
            posts.add(post);
        }

        void add(ImportedArchive.Attachment attachment) {
            attachments.add(attachment);
        }

        int size() {
            return posts.size() + attachments.size();
        }

        /**
         * Hands the batch to the writer, once the one before it is written. Its words are analysed
         * meanwhile, on a thread of their own: that is a good part of a batch's work, and the
         * writer's thread would otherwise do it before it writes.
         */
        void write() {
            List<PostConverter.Convert> taken = List.copyOf(posts);
            List<ImportedArchive.Attachment> images = List.copyOf(attachments);
            posts.clear();
            attachments.clear();
            List<ImportedArchive.Article> articles = taken.stream().map(PostConverter.Convert::article).toList();
            CompletableFuture<Optional<Map<Integer, RelatedMatcher.IndexedText>>> words = indexWords
                    ? CompletableFuture.supplyAsync(() -> Optional.of(archive.wordsOf(articles)), analyser)
                    : CompletableFuture.completedFuture(Optional.empty());
            awaitWritten();
            List<ImportedArchive.Address> addresses = site.takeAddresses();
            List<ImportedArchive.TagAddress> tagAddresses = site.takeTagAddresses();
            List<ImportedArchive.SlugChoice> slugs = site.takeSlugs();
            inFlight = words.thenApplyAsync(w -> writeNow(taken, images, addresses, tagAddresses, slugs, w), writer);
        }

        /** Writes {@code taken}; what it returns counts them in the report, on the reading thread. */
        private Runnable writeNow(List<PostConverter.Convert> taken, List<ImportedArchive.Attachment> read,
                List<ImportedArchive.Address> addresses, List<ImportedArchive.TagAddress> tagAddresses,
                List<ImportedArchive.SlugChoice> slugs, Optional<Map<Integer, RelatedMatcher.IndexedText>> words) {
            Map<Long, ImportedArchive.Attachment> images = new HashMap<>();
            read.forEach(a -> images.put(a.sourceId(), a));
            Set<Long> thumbnails = new HashSet<>();
            taken.forEach(p -> p.thumbnail().filter(id -> !images.containsKey(id)).ifPresent(thumbnails::add));
            images.putAll(archive.attachments(thumbnails));
            List<ImportedArchive.Article> articles = new ArrayList<>(taken.size());
            Map<String, Long> owed = new HashMap<>();
            for (PostConverter.Convert p : taken) {
                ImportedArchive.Attachment image = p.thumbnail().map(images::get).orElse(null);
                articles.add(image == null ? p.article() : PostConverter.withImage(p.article(), image));
                if (image == null) {
                    p.thumbnail().ifPresent(id -> owed.put(p.article().guid(), id));
                }
            }
            Set<String> added = archive.write(new ImportedArchive.Batch(articles, addresses, tagAddresses, slugs, indexWords,
                    words, owed, read));
            return () -> {
                for (PostConverter.Convert p : taken) {
                    if (added.contains(p.article().guid())) {
                        report.imported(p.scheduled());
                    } else {
                        report.countAlreadyThere();
                    }
                }
            };
        }

        private void awaitWritten() {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.join().run();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            } finally {
                inFlight = null;
            }
        }

        /** Waits for the batch in flight: the batches before a broken-off file stay written. */
        @Override
        public void close() {
            try {
                awaitWritten();
            } finally {
                writer.shutdownNow();
                analyser.shutdownNow();
            }
        }

        private static ExecutorService thread(String name) {
            return Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }
}
