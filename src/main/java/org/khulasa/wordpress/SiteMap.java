package org.khulasa.wordpress;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.khulasa.article.Author;
import org.khulasa.article.Category;
import org.khulasa.article.ImportedArchive;
import org.khulasa.article.ImportedArchive.Address;
import org.khulasa.article.ImportedArchive.SlugChoice;
import org.khulasa.article.ImportedArchive.TagAddress;
import org.khulasa.article.OldAddress;

/**
 * The old site's authors and categories (from the export's header), which Khulasa category and
 * author each post gets, with a readable unique ASCII slug per old slug (remembered across runs),
 * and the old addresses of each section that comes along (its page and its feeds), tags' included.
 */
final class SiteMap {
    static final String DEFAULT_CATEGORY = "uncategorized";
    private static final int GONE = 410;
    private static final int MOVED = 301;

    private final Map<String, String> displayNames = new HashMap<>();
    private final Map<String, Long> authorIds = new HashMap<>();
    private final Map<String, WxrItem.Category> categories = new HashMap<>();
    private final Map<String, Map<String, String>> slugs = new HashMap<>();
    private final Map<String, Set<String>> taken = new HashMap<>();
    private final Set<String> mapped = new HashSet<>();
    /**
     * Tags whose addresses were sent lately: a big archive has tens of thousands of tags, so only
     * the most recently used are remembered (memory stays flat), and a tag forgotten and met again
     * sends addresses the store already holds, which it leaves as they are.
     */
    private final Set<String> mappedTags = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    private final List<SlugChoice> newSlugs = new ArrayList<>();
    private final List<Address> newAddresses = new ArrayList<>();
    private final List<TagAddress> newTagAddresses = new ArrayList<>();
    private String siteHost;

    SiteMap(ImportedArchive archive) {
        for (String kind : List.of("category", "author")) {
            Map<String, String> known = new HashMap<>(archive.slugs(kind));
            slugs.put(kind, known);
            taken.put(kind, new HashSet<>(known.values()));
        }
    }

    void author(WxrItem.Author author) {
        displayNames.put(author.login(), WordPressText.plain(author.displayName()));
        authorIds.put(author.login(), author.id());
    }

    void category(WxrItem.Category category) {
        categories.put(category.nicename(), category);
    }

    /** The first link of the export tells which host its own URLs (guids that are permalinks) name. */
    boolean isOwnUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (siteHost == null) {
                return false;
            }
            return siteHost.equalsIgnoreCase(uri.getHost()) && uri.getScheme() != null && uri.getScheme().startsWith("http");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void site(String baseUrl) {
        try {
            siteHost = URI.create(baseUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            siteHost = null;
        }
    }

    /** The first category that is not the default "Uncategorized", else the default; extra ones are reported. */
    Category category(WxrItem item, ImportReport report) {
        List<WxrItem.Term> terms = item.terms().stream().filter(t -> t.domain().equals("category")).toList();
        List<WxrItem.Term> real = terms.stream().filter(t -> !isDefault(t.nicename())).toList();
        WxrItem.Term kept = !real.isEmpty() ? real.get(0)
                : !terms.isEmpty() ? terms.get(0)
                : new WxrItem.Term("category", DEFAULT_CATEGORY, "غير مصنف");
        if (real.size() > 1) {
            report.warn(item, "several categories: kept " + kept.name() + ", left out "
                    + String.join(", ", real.subList(1, real.size()).stream().map(WxrItem.Term::name).toList()));
        }
        String slug = slug("category", kept.nicename());
        if (mapped.add("category/" + kept.nicename())) {
            String path = "/category/" + categoryPath(kept.nicename()) + "/";
            WxrItem.Category known = categories.get(kept.nicename());
            // WordPress names a child category by its slug alone or by its path: ?category_name=sport/football.
            Set<String> queries = new LinkedHashSet<>(List.of("category_name=" + kept.nicename(),
                    "category_name=" + String.join("/", categoryChain(kept.nicename()))));
            if (known != null && known.termId() > 0) {
                queries.add("cat=" + known.termId());
            }
            addSection(path, queries, "/category/" + slug, "/feeds/category/" + slug + "/");
        }
        return new Category(slug, WordPressText.plain(kept.name()).isEmpty() ? slug : WordPressText.plain(kept.name()));
    }

    Author author(WxrItem item, ImportReport report) {
        String login = item.creator() == null || item.creator().isBlank() ? "admin" : item.creator().strip();
        String name = displayNames.get(login);
        if (name == null || name.isEmpty()) {
            report.warn(item, "author '" + login + "' is missing from the export's header; named by the login");
            name = login;
        }
        String slug = slug("author", login);
        if (mapped.add("author/" + login)) {
            String nicename = login.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_.-]+", "-");
            Set<String> queries = new LinkedHashSet<>(List.of("author_name=" + nicename));
            if (authorIds.getOrDefault(login, 0L) > 0) {
                queries.add("author=" + authorIds.get(login));
            }
            addSection("/author/" + OldAddress.of("/" + nicename, null).substring(1), queries,
                    "/author/" + slug, "/feeds/author/" + slug + "/");
        }
        return new Author(slug, name);
    }

    /**
     * A tag {@code name} a post keeps, whose old slug is {@code nicename}: its old page and feeds
     * lead to the tag's (the store gives it its slug).
     */
    void tag(String nicename, String name) {
        if (mappedTags.add(nicename)) {
            String slug = TagAddress.TAG_SLUG;
            BiConsumer<String, String> moved = (old, target) -> newTagAddresses.add(new TagAddress(old, name, target));
            sectionAddresses("/tag/" + ArabicSlug.decode(nicename) + "/", "/tag/" + slug, "/feeds/tag/" + slug + "/", moved);
            queryAddresses("tag=" + nicename, "/tag/" + slug, "/feeds/tag/" + slug + "/", moved);
        }
    }

    /** The whole site's old feeds, its search, and its comment feed, which is gone. */
    void siteAddresses() {
        if (mapped.add("site")) {
            // ?feed=rss and ?feed=rdf are looked up as ?feed=rss2, ?feed=comments-atom as ?feed=comments (OldAddress).
            for (String feed : List.of("/feed/", "/feed/rss2/", "/feed/rss/", "/feed/rdf/", "?feed=rss2")) {
                newAddresses.add(new Address(feed, "/feeds/rss.xml", MOVED));
            }
            newAddresses.add(new Address("/feed/atom/", "/feeds/atom.xml", MOVED));
            newAddresses.add(new Address(OldAddress.SEARCH, "/search", MOVED));
            newAddresses.add(new Address("?feed=atom", "/feeds/atom.xml", MOVED));
            for (String gone : List.of("/comments/feed/", "/comments/feed/rss2/", "/comments/feed/atom/", "?feed=comments")) {
                newAddresses.add(new Address(gone, null, GONE));
            }
        }
    }

    /** Slugs and addresses decided since the last call, for the next batch to write. */
    List<SlugChoice> takeSlugs() {
        List<SlugChoice> out = List.copyOf(newSlugs);
        newSlugs.clear();
        return out;
    }

    List<Address> takeAddresses() {
        List<Address> out = List.copyOf(newAddresses);
        newAddresses.clear();
        return out;
    }

    List<TagAddress> takeTagAddresses() {
        List<TagAddress> out = List.copyOf(newTagAddresses);
        newTagAddresses.clear();
        return out;
    }

    /**
     * A category's or author's addresses: its old path, and the queries of the home page that
     * named it ({@code ?cat=3} when its id is known, {@code ?category_name=economy}).
     */
    private void addSection(String oldPath, Set<String> queries, String page, String feeds) {
        BiConsumer<String, String> moved = (old, target) -> newAddresses.add(new Address(old, target, MOVED));
        sectionAddresses(oldPath, page, feeds, moved);
        queries.forEach(query -> queryAddresses(query, page, feeds, moved));
    }

    /** A section's page and feeds as queries of the home page: {@code ?cat=3}, {@code ?cat=3&feed=rss2}, … */
    private static void queryAddresses(String query, String page, String feeds, BiConsumer<String, String> moved) {
        moved.accept(OldAddress.of("/", query), page);
        moved.accept(OldAddress.of("/", query + "&feed=rss2"), feeds + "rss.xml");
        moved.accept(OldAddress.of("/", query + "&feed=atom"), feeds + "atom.xml");
    }

    /** A section's old page and feeds, each with where it leads now. */
    private static void sectionAddresses(String oldPath, String page, String feeds, BiConsumer<String, String> moved) {
        String path = oldPath.endsWith("/") ? oldPath : oldPath + "/";
        moved.accept(path, page);
        moved.accept(path + "feed/", feeds + "rss.xml");
        moved.accept(path + "feed/rss2/", feeds + "rss.xml");
        moved.accept(path + "feed/rss/", feeds + "rss.xml");
        moved.accept(path + "feed/atom/", feeds + "atom.xml");
    }

    /** A child category's address names its parents: {@code /category/sport/football/}. */
    private String categoryPath(String nicename) {
        return String.join("/", categoryChain(nicename).stream().map(ArabicSlug::decode).toList());
    }

    /** The old slugs of a category's parents, outermost first, then its own. */
    private List<String> categoryChain(String nicename) {
        List<String> chain = new ArrayList<>();
        String at = nicename;
        for (int depth = 0; at != null && !at.isEmpty() && depth < 20; depth++) {
            chain.add(0, at);
            WxrItem.Category c = categories.get(at);
            at = c == null ? null : c.parent();
        }
        return chain;
    }

    private boolean isDefault(String nicename) {
        WxrItem.Category c = categories.get(nicename);
        return nicename.equals(DEFAULT_CATEGORY) || (c != null && c.termId() == 1);
    }

    private String slug(String kind, String old) {
        Map<String, String> known = slugs.get(kind);
        String slug = known.get(old);
        if (slug != null) {
            return slug;
        }
        String base = ArabicSlug.of(old);
        if (base.isEmpty()) {
            base = kind;
        }
        slug = base;
        for (int n = 2; taken.get(kind).contains(slug); n++) {
            String suffix = "-" + n;
            slug = (base.length() + suffix.length() > 64 ? base.substring(0, 64 - suffix.length()) : base) + suffix;
        }
        known.put(old, slug);
        taken.get(kind).add(slug);
        newSlugs.add(new SlugChoice(kind, old, slug));
        return slug;
    }
}
