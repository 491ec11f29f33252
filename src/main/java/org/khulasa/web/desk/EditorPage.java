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
        form.before(new Element("p").attr("id", "article-status").addClass("article-status")
                .text(id == 0 ? "مقال جديد، لم يُحفظ بعد" : ""));
        form.appendElement("p").addClass("field-error").attr("id", "err-form").attr("role", "alert").attr("hidden", true);
        // Offered when another editor saved the article since it was loaded (a 412 from the API).
        form.appendElement("button").attr("type", "button").attr("id", "load-current").attr("hidden", true)
                .text("حمّل النسخة الحالية (يضيع ما كتبته هنا)");

        DeskLayout.field(form, "title", "العنوان", "input").attr("type", "text").attr("dir", "auto");
        DeskLayout.field(form, "summary", "الموجز", "textarea").attr("rows", "2").attr("dir", "auto");
        body(form);

        Element scopes = form.appendElement("fieldset").addClass("pair");
        scopes.appendElement("legend").text("القسم");
        datalist(form, "categories", categories.stream().map(c -> new String[] {c.slug(), c.name()}).toList());
        DeskLayout.field(scopes, "category-slug", "الاسم في الرابط", "input").attr("dir", "ltr")
                .attr("list", "categories").attr("autocomplete", "off");
        DeskLayout.field(scopes, "category-name", "الاسم", "input").attr("dir", "auto");

        // One row per byline, drawn by bylines.js: an existing author from the list, or a new one.
        Element bylines = form.appendElement("fieldset").addClass("bylines").attr("id", "bylines");
        bylines.appendElement("legend").text("الكتّاب");
        datalist(form, "known-authors", authors.stream().map(a -> new String[] {a.slug(), a.name()}).toList());
        bylines.appendElement("div").attr("id", "byline-rows");
        bylines.appendElement("button").attr("type", "button").attr("id", "add-byline").text("أضف كاتباً");

        DeskLayout.field(form, "tags", "الوسوم (تفصل بينها فاصلة)", "input").attr("dir", "auto");

        Element image = form.appendElement("fieldset").addClass("pair");
        image.appendElement("legend").text("الصورة");
        DeskLayout.field(image, "image-url", "رابط الصورة", "input").attr("type", "url").attr("dir", "ltr");
        DeskLayout.field(image, "image-caption", "التعليق", "input").attr("dir", "auto");
        for (String[] side : new String[][] {{"image-width", "العرض (بكسل)"}, {"image-height", "الارتفاع (بكسل)"}}) {
            DeskLayout.field(image, side[0], side[1], "input").attr("type", "number").attr("min", "1").attr("step", "1")
                    .attr("inputmode", "numeric").attr("dir", "ltr");
        }

        Element when = DeskLayout.field(form, "published", "وقت النشر (بتوقيت " + zone.getId() + ")", "input")
                .attr("type", "datetime-local");
        when.parent().appendElement("output").attr("id", "published-ar").attr("for", "published");

        related(form);
        change(form);

        Element actions = form.appendElement("div").addClass("actions");
        actions.appendElement("button").attr("type", "button").attr("id", "save").text(id == 0 ? "حفظ مسودة" : "حفظ");
        actions.appendElement("button").attr("type", "button").attr("id", "publish").text("انشر الآن");
        actions.appendElement("button").attr("type", "button").attr("id", "schedule").text("جدولة");
        actions.appendElement("button").attr("type", "button").attr("id", "show-preview").text("معاينة");
        // Shown by the script for a published or scheduled article.
        actions.appendElement("button").attr("type", "button").attr("id", "unpublish").attr("hidden", true)
                .text("أعد إلى المسودات");
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

    /**
     * For an edit of a published article: what kind of change readers are told of, and the
     * correction's note, which readers see at the end of the article. Shown by the script.
     */
    private static void change(Element form) {
        Element set = form.appendElement("fieldset").addClass("change").attr("id", "change").attr("hidden", true)
                .attr("aria-describedby", "err-change");
        set.appendElement("legend").text("نوع التعديل");
        String[][] kinds = {
            {"minor", "تعديل طفيف (خطأ إملائي، رابط): لا يظهر للقراء كجديد"},
            {"update", "تحديث: تطورت القصة"},
            {"correction", "تصحيح: كان في المقال خطأ"},
        };
        for (String[] kind : kinds) {
            Element option = set.appendElement("div").addClass("choice");
            Element radio = option.appendElement("input").attr("type", "radio").attr("name", "change")
                    .attr("id", "change-" + kind[0]).attr("value", kind[0]);
            if (kind[0].equals("update")) {
                radio.attr("checked", true);
            }
            option.appendElement("label").attr("for", "change-" + kind[0]).text(kind[1]);
        }
        set.appendElement("p").addClass("field-error").attr("id", "err-change").attr("hidden", true);
        DeskLayout.field(set, "note", "ملاحظة التصحيح (يقرؤها القراء في آخر المقال)", "textarea").attr("rows", "2")
                .attr("dir", "auto").parent().attr("id", "note-field").attr("hidden", true);
        set.appendElement("ul").attr("id", "corrections").addClass("corrections").attr("aria-label", "التصحيحات السابقة");
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
