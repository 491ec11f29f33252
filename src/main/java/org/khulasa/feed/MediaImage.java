package org.khulasa.feed;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import java.net.URISyntaxException;
import org.khulasa.article.Article;

/** An article's lead image as a Media RSS element, which RSS and Atom readers both show. */
final class MediaImage {
    private MediaImage() {
    }

    /** {@code rss}: the caption made inert, as RSS text elements are (see {@link RssText}). */
    static MediaEntryModuleImpl of(Article article, boolean rss) {
        try {
            MediaContent content = new MediaContent(new UrlReference(article.image().url()));
            content.setType(article.image().type());
            content.setMedium("image");
            if (article.image().caption() != null) {
                Metadata metadata = new Metadata();
                metadata.setDescription(rss ? RssText.inert(article.image().caption()) : article.image().caption());
                content.setMetadata(metadata);
            }
            MediaEntryModuleImpl media = new MediaEntryModuleImpl();
            media.setMediaContents(new MediaContent[] {content});
            return media;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("stored image URL is not a URI: " + article.image().url(), e);
        }
    }
}
