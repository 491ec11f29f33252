package org.khulasa.web.desk;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.khulasa.web.DeskSessions;
import org.khulasa.web.pages.HtmlShell;

/**
 * The frame of every desk page: Arabic, right to left, the site's stylesheet (so the preview
 * looks as readers see it) plus the desk's, a bar with the way out, and no inline script or style.
 */
record DeskLayout(String siteTitle, String siteStylesheet) {
    /** A page titled {@code title}; with a session, its CSRF token is in the head for the scripts. */
    Document page(String title, DeskSessions.Session session) {
        Document doc = HtmlShell.arabic();
        Element head = doc.head();
        head.appendElement("meta").attr("name", "robots").attr("content", "noindex");
        head.appendElement("title").text(title + " — مكتب التحرير — " + siteTitle);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", siteStylesheet);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", DeskAssets.href("desk.css"));

        Element body = doc.body().addClass("desk");
        Element bar = body.appendElement("header").addClass("desk-bar");
        bar.appendElement("a").addClass("brand").attr("href", "/desk").text("مكتب التحرير");
        if (session != null) {
            head.appendElement("meta").attr("name", "csrf-token").attr("content", session.csrf());
            Element nav = bar.appendElement("nav").attr("aria-label", "المكتب");
            nav.appendElement("a").attr("href", "/desk").text("المقالات");
            nav.appendElement("a").attr("href", "/desk/new").attr("id", "new-article").text("مقال جديد");
            nav.appendElement("a").attr("href", "/").text("الموقع");
            Element out = nav.appendElement("form").attr("method", "post").attr("action", "/desk/signout");
            out.appendElement("input").attr("type", "hidden").attr("name", "csrf").attr("value", session.csrf());
            out.appendElement("button").attr("type", "submit").attr("id", "sign-out").text("خروج");
        }
        body.appendElement("main").attr("id", "desk");
        return doc;
    }

    static Element main(Document doc) {
        return doc.getElementById("desk");
    }

    /** A labelled field: {@code <div class="field"><label for=id>…</label>{control}<p class="field-error" id="err-id"></p></div>}. */
    static Element field(Element parent, String id, String label, String tag) {
        Element div = parent.appendElement("div").addClass("field");
        div.appendElement("label").attr("for", id).text(label);
        Element control = div.appendElement(tag).attr("id", id).attr("name", id)
                .attr("aria-describedby", "err-" + id);
        div.appendElement("p").addClass("field-error").attr("id", "err-" + id).attr("hidden", true);
        return control;
    }
}
