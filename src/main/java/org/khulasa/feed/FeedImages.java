package org.khulasa.feed;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.khulasa.article.Image;

/**
 * An article's lead image where readers and aggregators look for it: Media RSS
 * {@code media:content} (with its dimensions and size when known) and {@code media:thumbnail},
 * the RSS {@code <enclosure>} (only with a known size: the element requires a length), and Atom's
 * {@code <link rel="enclosure">}. Sizes are the editor's word: the image is never fetched.
 */
final class FeedImages {

    private FeedImages() {
    }

    /** {@code rss}: the caption made inert, as RSS text elements are (see {@link RssText}). */
    static MediaEntryModuleImpl media(Image image, boolean rss) {
        URI url = uri(image.url());
        MediaContent content = new MediaContent(new UrlReference(url));
        content.setType(image.type());
        content.setMedium("image");
        content.setWidth(image.width());
        content.setHeight(image.height());
        content.setFileSize(image.bytes());
        if (image.caption() != null) {
            Metadata metadata = new Metadata();
            metadata.setDescription(rss ? RssText.inert(image.caption()) : image.caption());
            content.setMetadata(metadata);
        }
        MediaEntryModuleImpl media = new MediaEntryModuleImpl();
        media.setMediaContents(new MediaContent[] {content});
        // The lead image is its own thumbnail: aggregators show it beside the title.
        Metadata item = new Metadata();
        item.setThumbnail(new Thumbnail[] {new Thumbnail(url, image.width(), image.height())});
        media.setMetadata(item);
        return media;
    }

    /** The RSS enclosure, or none when the size is unknown. */
    static List<SyndEnclosure> rssEnclosures(Image image) {
        if (image.bytes() == null) {
            return List.of();
        }
        SyndEnclosure enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(image.url());
        enclosure.setType(image.type());
        enclosure.setLength(image.bytes());
        return List.of(enclosure);
    }

    static SyndLink atomEnclosure(Image image) {
        SyndLink link = new SyndLinkImpl();
        link.setRel("enclosure");
        link.setHref(image.url());
        link.setType(image.type());
        if (image.bytes() != null) {
            link.setLength(image.bytes());
        }
        return link;
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("stored image URL is not a URI: " + url, e);
        }
    }
}
