package org.khulasa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Article JSON for tests, built as a tree so every string is escaped as JSON requires. */
public final class Articles {
    private Articles() {
    }

    /** A valid article in {@code category} by {@code author}; change fields with {@code .put}. */
    public static ObjectNode article(String title, String category, String author) {
        ObjectNode a = TestServer.JSON.createObjectNode();
        a.put("title", title);
        a.put("summary", "ملخص: " + title);
        a.put("body", "<p>" + title + " — نص الخبر الكامل.</p><p>فقرة ثانية من الخبر.</p>");
        a.putObject("category").put("slug", category).put("name", "قسم " + category);
        a.putObject("author").put("slug", author).put("name", "الكاتب " + author);
        a.putArray("tags").add("أخبار");
        return a;
    }

    public static ObjectNode article(String title) {
        return article(title, "politics", "nizar-samir");
    }

    public static ObjectNode withRelated(ObjectNode article, long... ids) {
        ArrayNode related = article.putArray("related");
        for (long id : ids) {
            related.add(id);
        }
        return article;
    }
}
