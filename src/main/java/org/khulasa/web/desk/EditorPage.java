package org.khulasa.web.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.nodes.Element;
import org.khulasa.article.Author;
import org.khulasa.article.Category;

/**
 * The writing form. The server renders the empty, labelled fields; {@code editor.js} loads the
 * article from the JSON API, and saves it there. Each field has an error slot
 * ({@code err-<id>}) where the API's complaints about it appear, in Arabic.
 */
final class EditorPage {
    private final ZoneId zone;

    EditorPage(ZoneId zone) {
        this.zone = zone;
    }

    void fill(Element main, long id, List<Category> categories, List<Author> authors, Instant now) {
        main.attr("data-article-id", id == 0 ? "" : String.valueOf(id))
                .attr("data-zone", zone.getId()).attr("data-now", now.toString());
        main.appendElement("h1").attr("id", "editor-heading").text(id == 0 ? "مقال جديد" : "تحرير مقال");
        Element form = main.appendElement("form").attr("id", "article-form").attr("novalidate", true)
                .attr("aria-labelledby", "editor-heading");
        form.appendElement("p").addClass("field-error").attr("id", "err-form").attr("role", "alert").attr("hidden", true);

        DeskLayout.field(form, "title", "العنوان", "input").attr("type", "text").attr("dir", "auto");
        DeskLayout.field(form, "summary", "الموجز", "textarea").attr("rows", "2").attr("dir", "auto");
        body(form);

        Element scopes = form.appendElement("fieldset").addClass("pair");
        scopes.appendElement("legend").text("القسم");
        datalist(form, "categories", categories.stream().map(c -> new String[] {c.slug(), c.name()}).toList());
        DeskLayout.field(scopes, "category-slug", "الاسم في الرابط", "input").attr("dir", "ltr")
                .attr("list", "categories").attr("autocomplete", "off");
        DeskLayout.field(scopes, "category-name", "الاسم", "input").attr("dir", "auto");

        Element byline = form.appendElement("fieldset").addClass("pair");
        byline.appendElement("legend").text("الكاتب");
        datalist(form, "authors", authors.stream().map(a -> new String[] {a.slug(), a.name()}).toList());
        DeskLayout.field(byline, "author-slug", "الاسم في الرابط", "input").attr("dir", "ltr")
                .attr("list", "authors").attr("autocomplete", "off");
        DeskLayout.field(byline, "author-name", "الاسم", "input").attr("dir", "auto");

        DeskLayout.field(form, "tags", "الوسوم (تفصل بينها فاصلة)", "input").attr("dir", "auto");

        Element image = form.appendElement("fieldset").addClass("pair");
        image.appendElement("legend").text("الصورة");
        DeskLayout.field(image, "image-url", "رابط الصورة", "input").attr("type", "url").attr("dir", "ltr");
        DeskLayout.field(image, "image-caption", "التعليق", "input").attr("dir", "auto");

        Element when = DeskLayout.field(form, "published", "وقت النشر (بتوقيت " + zone.getId() + ")", "input")
                .attr("type", "datetime-local");
        when.parent().appendElement("output").attr("id", "published-ar").attr("for", "published");

        related(form);

        Element actions = form.appendElement("div").addClass("actions");
        actions.appendElement("button").attr("type", "button").attr("id", "save").text("حفظ");
        actions.appendElement("button").attr("type", "button").attr("id", "publish").text("انشر الآن");
        actions.appendElement("button").attr("type", "button").attr("id", "schedule").text("جدولة");
        actions.appendElement("button").attr("type", "button").attr("id", "show-preview").text("معاينة");
        Element delete = actions.appendElement("button").attr("type", "button").attr("id", "delete").addClass("danger")
                .text("حذف");
        if (id == 0) {
            delete.attr("hidden", true);
        }
        main.appendElement("p").attr("id", "status").attr("role", "status").attr("aria-live", "polite");
        Element preview = main.appendElement("section").attr("id", "preview").attr("aria-label", "المعاينة")
                .attr("hidden", true);
        preview.appendElement("h2").text("معاينة كما يراها القارئ");
        preview.appendElement("div").attr("id", "preview-page").addClass("reader");
        main.appendElement("script").attr("type", "module").attr("src", DeskAssets.href("editor.js"));
    }

    /** The rich-text body: a toolbar of buttons and a contenteditable area, both reachable by keyboard. */
    private static void body(Element form) {
        Element div = form.appendElement("div").addClass("field");
        div.appendElement("span").addClass("label").attr("id", "body-label").text("النص");
        Element bar = div.appendElement("div").attr("role", "toolbar").attr("aria-controls", "body")
                .attr("aria-label", "تنسيق النص").addClass("toolbar");
        String[][] buttons = {
            {"p", "فقرة"}, {"h2", "عنوان"}, {"h3", "عنوان فرعي"}, {"bold", "عريض"}, {"italic", "مائل"},
            {"ul", "قائمة"}, {"ol", "قائمة مرقمة"}, {"quote", "اقتباس"}, {"link", "رابط"}, {"image", "صورة"},
        };
        for (String[] b : buttons) {
            bar.appendElement("button").attr("type", "button").attr("data-command", b[0]).text(b[1]);
        }
        div.appendElement("div").attr("id", "body").addClass("richtext").attr("dir", "rtl")
                .attr("aria-labelledby", "body-label").attr("aria-describedby", "err-body");
        div.appendElement("p").addClass("field-error").attr("id", "err-body").attr("hidden", true);
        // Links and images ask for their address here rather than in a prompt() box.
        Element ask = div.appendElement("div").attr("id", "insert").addClass("insert").attr("hidden", true);
        DeskLayout.field(ask, "insert-url", "الرابط", "input").attr("type", "url").attr("dir", "ltr");
        DeskLayout.field(ask, "insert-caption", "التعليق", "input").attr("dir", "auto");
        ask.appendElement("button").attr("type", "button").attr("id", "insert-ok").text("أدرج");
        ask.appendElement("button").attr("type", "button").attr("id", "insert-cancel").text("إلغاء");
    }

    private static void related(Element form) {
        Element set = form.appendElement("fieldset").addClass("related").attr("id", "related");
        set.appendElement("legend").text("انظر أيضاً");
        set.appendElement("ul").attr("id", "related-list");
        set.appendElement("p").addClass("field-error").attr("id", "err-related").attr("hidden", true);
        DeskLayout.field(set, "related-search", "ابحث عن مقال بعنوانه", "input").attr("type", "search")
                .attr("dir", "auto").attr("autocomplete", "off");
        set.appendElement("ul").attr("id", "related-results").attr("aria-label", "نتائج البحث");
        set.appendElement("h3").text("مقترحات تلقائية");
        set.appendElement("ul").attr("id", "suggestions").attr("aria-live", "polite");
    }

    private static void datalist(Element parent, String id, List<String[]> options) {
        Element list = parent.appendElement("datalist").attr("id", id);
        for (String[] o : options) {
            list.appendElement("option").attr("value", o[0]).attr("label", o[1]).attr("data-name", o[1]);
        }
    }
}
