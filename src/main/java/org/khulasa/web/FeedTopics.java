package org.khulasa.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.khulasa.article.Slug;
import org.khulasa.feed.FeedFormat;
import org.khulasa.feed.FeedPath;
import org.khulasa.feed.FeedScope;
import org.khulasa.feed.Feeds;
import org.khulasa.feed.RenderedFeed;
import org.khulasa.links.SiteLinks;
import org.khulasa.websub.Topics;
import org.khulasa.websub.WebSubStore;

/**
 * The site's feeds as WebSub topics: a topic is a feed's own URL (its self link), and its
 * content is the feed as the store holds it now. Archive pages are not topics: they are not
 * meant to change.
 */
final class FeedTopics implements Topics {
    private final Feeds feeds;
    private final SiteLinks links;
    private final Clock clock;
    private final String prefix;
    /** One entry per feed that has subscribers, at most three per category, author and the site. */
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    FeedTopics(Feeds feeds, SiteLinks links, Clock clock) {
        this.feeds = feeds;
        this.links = links;
        this.clock = clock;
        this.prefix = links.url("/feeds/");
    }

    String prefix() {
        return prefix;
    }

    @Override
    public Optional<Content> content(String topic) {
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = topic.substring(prefix.length()).split("/", -1);
        FeedFormat format = FeedFormat.fromFileName(parts[parts.length - 1]);
        if (format == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // Under the embargo: a category or author with no article out yet is not a topic either.
        Optional<FeedScope> scope = switch (parts.length) {
            case 1 -> Optional.of(FeedScope.site());
            case 3 -> !Slug.isValid(parts[1]) ? Optional.empty()
                    : parts[0].equals("category") ? feeds.category(parts[1], now)
                    : parts[0].equals("author") ? feeds.author(parts[1], now) : Optional.empty();
            default -> Optional.empty();
        };
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        FeedPath path = FeedPath.of(scope.get(), format);
        if (!path.url(links).equals(topic)) {
            return Optional.empty(); // say, a slug in another spelling: not a URL the site hands out
        }
        // Not from the poll cache: a render racing a write, or another instance's write not yet
        // signalled here, could leave it older than the change being delivered. The store's change
        // time says whether the last render for deliveries still holds.
        Instant lastChange = feeds.lastChange(scope.get());
        Rendered last = rendered.get(topic);
        if (last != null && last.lastChange().equals(lastChange) && last.isFreshAt(now)) {
            return Optional.of(last.content());
        }
        RenderedFeed feed = feeds.render(scope.get(), format, now);
        Content content = new Content(feed.bytes(), format.contentType());
        rendered.put(topic, new Rendered(lastChange, feed.staleAt(), content));
        return Optional.of(content);
    }

    /** The last body rendered for deliveries of a topic, and the store's change time it was rendered after. */
    private record Rendered(Instant lastChange, Optional<Instant> staleAt, Content content) {
        boolean isFreshAt(Instant now) {
            return staleAt.isEmpty() || now.isBefore(staleAt.get());
        }
    }

    @Override
    public Set<String> of(WebSubStore.ChangedScopes changed) {
        Set<String> topics = new LinkedHashSet<>();
        for (FeedFormat format : FeedFormat.values()) {
            if (changed.site()) {
                topics.add(FeedPath.of(FeedScope.Kind.SITE, null, format).url(links));
            }
            changed.categories().forEach(slug -> topics.add(FeedPath.of(FeedScope.Kind.CATEGORY, slug, format).url(links)));
            changed.authors().forEach(slug -> topics.add(FeedPath.of(FeedScope.Kind.AUTHOR, slug, format).url(links)));
        }
        return topics;
    }
}
