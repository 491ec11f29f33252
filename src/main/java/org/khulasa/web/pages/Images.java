package org.khulasa.web.pages;

import org.jsoup.nodes.Element;
import org.khulasa.article.Image;

/** An article's image as pages show it, whatever its size on the page. */
final class Images {

    private Images() {
    }

    /**
     * Sets {@code img}'s source, its alt text from the caption (what search engines and a reader
     * with images off get of it), and its size when the editor gave one: the browser then keeps
     * its room, so the text does not jump when it arrives.
     */
    static Element describe(Element img, Image image) {
        img.attr("src", image.url()).attr("alt", image.caption() == null ? "" : image.caption());
        if (image.width() != null && image.height() != null) {
            img.attr("width", image.width().toString()).attr("height", image.height().toString());
        }
        return img;
    }
}
