package org.khulasa.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.khulasa.Articles;
import org.khulasa.RawHttp;
import org.khulasa.TestServer;

/**
 * Generates malformed and adversarial requests to the editor API from a seeded {@link Random},
 * so a failure reproduces. Every request is one the API must refuse with a 4xx and store nothing
 * of: each carries a valid token unless the case is about tokens.
 */
final class HostileRequests {

    /** One hostile request: raw bytes, whether to close the sending side after them, the answer due. */
    record Hostile(String label, byte[] raw, boolean halfClose, int expectedStatus) {
        static final int ANY_4XX = 0;
    }

    private static final ObjectMapper STRICT = Json.mapper();
    private static final com.fasterxml.jackson.databind.ObjectWriter ESCAPING = new ObjectMapper().writer()
            .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final String AUTH = "Authorization: Bearer " + TestServer.TOKEN;
    private static final String JSON = "Content-Type: application/json";

    private final Random random;
    private final List<Long> existingIds;
    private final List<Hostile> out = new ArrayList<>();

    private HostileRequests(Random random, List<Long> existingIds) {
        this.random = random;
        this.existingIds = existingIds;
    }

    /** {@code existingIds}: articles already stored, which hostile writes aim at and must not touch. */
    static List<Hostile> generate(Random random, List<Long> existingIds) {
        HostileRequests g = new HostileRequests(random, existingIds);
        g.mutatedJson(400);
        g.malformedJson();
        g.deepNesting(40);
        g.hugeValues();
        g.invalidUtf8(80);
        g.unicodeEdgeCases();
        g.textThatShowsNothing();
        g.wrongTypes(120);
        g.lyingHeaders();
        g.pathTricks();
        g.methods();
        g.badTokens();
        g.boundsAndRanges();
        g.refusedByJetty();
        g.filings();
        return g.out;
    }

    // ---- bodies -------------------------------------------------------------------------------

    private ObjectNode validArticle() {
        String[] titles = {"انفجار في مرفأ بيروت", "S-400 في الأخبار", "قمة عربية في الرياض ٢٠٢٦", "الطقس: أمطار غزيرة"};
        ObjectNode a = Articles.article(titles[random.nextInt(titles.length)], "politics", "nizar-samir");
        if (random.nextBoolean()) {
            a.putObject("image").put("url", "https://example.com/a.jpg").put("caption", "صورة");
        }
        if (random.nextBoolean()) {
            a.put("published", "2020-10-25T10:00:00+03:00");
        }
        return a;
    }

    private static boolean strictlyParses(byte[] bytes) {
        try {
            JsonNode node = STRICT.readTree(bytes);
            return node != null && !node.isMissingNode();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Random byte-level damage to a valid article, kept only when it no longer parses as JSON. */
    private void mutatedJson(int count) {
        int made = 0;
        while (made < count) {
            byte[] bytes = validArticle().toString().getBytes(StandardCharsets.UTF_8);
            int operations = 1 + random.nextInt(3);
            StringBuilder what = new StringBuilder();
            for (int i = 0; i < operations; i++) {
                int op = random.nextInt(7);
                int at = random.nextInt(bytes.length);
                what.append(op).append('@').append(at).append(' ');
                bytes = switch (op) {
                    case 0 -> splice(bytes, at, 1, new byte[0]);
                    case 1 -> splice(bytes, at, 0, new byte[] {(byte) random.nextInt(256)});
                    case 2 -> splice(bytes, at, 1, new byte[] {(byte) "{}[]:,\"\\".charAt(random.nextInt(8))});
                    case 3 -> java.util.Arrays.copyOf(bytes, at);
                    case 4 -> splice(bytes, at, 0, java.util.Arrays.copyOfRange(bytes, random.nextInt(at + 1), at));
                    case 5 -> splice(bytes, at, 0, "\u0000\u0007\u001b".substring(random.nextInt(3)).getBytes(StandardCharsets.UTF_8));
                    default -> splice(bytes, at, 1, new byte[] {(byte) (0x80 + random.nextInt(0x80))});
                };
            }
            if (!strictlyParses(bytes)) {
                post("mutated JSON (" + what.toString().strip() + ")", bytes, 400);
                made++;
            }
        }
    }

    private void malformedJson() {
        String valid = validArticle().toString();
        String[] bodies = {
            "", " ", "\r\n", "null", "true", "1", "\"title\"", "[]", "{}", "[" + valid + "]",
            valid + valid, valid + " x", valid + ",", "{\"title\": \"a\",}", "{'title': 'a'}",
            "{title: \"a\"}", "{\"title\": NaN}", "{\"title\": Infinity}", "{\"related\": [01]}",
            "{\"title\": \"a\" // comment\n}", "/* c */ {\"title\": \"a\"}", "{\"title\": \"a\tb\"}",
            "{\"title\": \"line\nbreak\"}", "{\"title\": \"\\x41\"}", "{\"title\": \"\\u12\"}",
            "{\"title\": \"a\", \"title\": \"b\"}", valid.replaceFirst("\"summary\"", "\"title\""),
            "\uFEFF{\"title\": \"bom, nothing else\"}", "{\"title\" \"a\"}", "{\"title\":: \"a\"}",
            "{\"a\":1}{\"b\":2}", "{\"title\": \"unterminated}", "{\"title\": \"a\"", "{\"title\": 1e99999}",
            "{\"title\": 0." + "0".repeat(100) + "1}", "{\"related\": [" + "9".repeat(100) + "]}",
            "{\"title\": -}", "{\"title\": .5}", "{\"title\": +1}", "<article><title>x</title></article>",
            "title=a&body=b", "{\"title\": \"\\uD800\"}", "{\"\": \"\"}",
        };
        for (String body : bodies) {
            post("malformed JSON " + abbreviate(body), body.getBytes(StandardCharsets.UTF_8), 400);
            put("malformed JSON " + abbreviate(body), someId(), body.getBytes(StandardCharsets.UTF_8), 400);
        }
    }

    private void deepNesting(int count) {
        int[] depths = {33, 64, 500, 5_000, 100_000};
        for (int i = 0; i < count; i++) {
            int depth = depths[random.nextInt(depths.length)];
            String nested = switch (random.nextInt(4)) {
                case 0 -> "[".repeat(depth) + "]".repeat(depth);
                case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                case 2 -> "[".repeat(depth);
                default -> "[{\"a\":".repeat(depth / 2) + "null" + "}]".repeat(depth / 2);
            };
            String field = List.of("title", "body", "related", "tags", "category", "image", "extra").get(random.nextInt(7));
            ObjectNode a = validArticle();
            String json = a.toString();
            json = json.substring(0, json.length() - 1) + ",\"" + field + "-x\":" + nested + "}";
            if (random.nextBoolean()) {
                json = nested;
            }
            post("nesting " + depth + " in " + field, json.getBytes(StandardCharsets.UTF_8), 400);
        }
    }

    private void hugeValues() {
        String[][] fields = {
            {"title", "501"}, {"title", "1000000"}, {"summary", "5001"}, {"summary", "1500000"},
            {"category.name", "201"}, {"author.name", "201"}, {"category.slug", "65"}, {"author.slug", "10000"},
            {"image.caption", "1001"}, {"image.url", "2001"}, {"image.type", "101"}, {"published", "65"},
        };
        for (String[] f : fields) {
            for (int repeat = 0; repeat < 3; repeat++) {
                int length = Integer.parseInt(f[1]) + random.nextInt(10);
                ObjectNode a = validArticle();
                String filler = f[0].endsWith("slug") ? "a".repeat(length)
                        : f[0].equals("image.url") ? "https://example.com/" + "a".repeat(length)
                        : f[0].equals("published") ? "2020-10-25T10:00:00" + "0".repeat(length) + "Z"
                        : randomArabic(length);
                set(a, f[0], TextNodeOf(filler));
                post("huge " + f[0] + " of " + length, bytes(a), Hostile.ANY_4XX);
            }
        }
        // Arrays too long, and arrays of many long items.
        for (int n : new int[] {21, 100, 10_000}) {
            ObjectNode a = validArticle();
            ArrayNode tags = a.putArray("tags");
            for (int i = 0; i < n; i++) {
                tags.add("وسم " + i);
            }
            post(n + " tags", bytes(a), 400);
            ObjectNode b = validArticle();
            ArrayNode related = b.putArray("related");
            for (int i = 0; i < n; i++) {
                related.add(i + 1);
            }
            post(n + " related", bytes(b), 400);
        }
        ObjectNode longTag = validArticle();
        longTag.putArray("tags").add("و".repeat(101));
        post("a tag of 101 characters", bytes(longTag), 400);
        ObjectNode manyRelated = validArticle();
        ArrayNode ids = manyRelated.putArray("related");
        for (int i = 0; i < 200_000; i++) {
            ids.add(1);
        }
        post("200,000 related ids", bytes(manyRelated), 400);
        // Many keys, huge keys, a body that is only markup sanitizing removes.
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            keys.append("\"k").append(i).append("\":").append(i).append(',');
        }
        keys.setCharAt(keys.length() - 1, '}');
        post("100,000 keys", keys.toString().getBytes(StandardCharsets.UTF_8), 400);
        post("a key of a million characters", ("{\"" + "k".repeat(1_000_000) + "\":1}").getBytes(StandardCharsets.UTF_8), 400);
        ObjectNode scripts = validArticle();
        scripts.put("body", "<script>alert(1)</script>".repeat(60_000));
        post("a body of nothing but scripts", bytes(scripts), 400);
        ObjectNode styles = validArticle();
        styles.put("body", "<style>*{}</style><iframe src=x></iframe>".repeat(100));
        post("a body of nothing but styles and frames", bytes(styles), 400);
        // Over the 2 MB cap: refused before being read whole.
        for (int extra : new int[] {1, 1000, 3_000_000}) {
            ObjectNode a = validArticle();
            a.put("body", "<p>" + "x".repeat(Handlers.MAX_BODY_BYTES + extra) + "</p>");
            post("a body " + extra + " bytes over the cap", bytes(a), 413);
        }
        StringBuilder escapes = new StringBuilder("{\"title\":\"");
        escapes.append("\\u0627".repeat(400_000)).append("\"}");
        post("2.4 MB of escapes", escapes.toString().getBytes(StandardCharsets.UTF_8), 413);
    }

    private void invalidUtf8(int count) {
        byte[][] sequences = {
            {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE}, {(byte) 0xFF},
            {(byte) 0xC3}, {(byte) 0xD8}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            {(byte) 0xC3, (byte) 0x28}, {(byte) 0xE2, (byte) 0x28, (byte) 0xA1}, {(byte) 0xD9, (byte) 0x41},
        };
        String[] fields = {"title", "summary", "body", "category.name", "author.name", "tags", "image.caption"};
        for (int i = 0; i < count; i++) {
            byte[] bad = sequences[i % sequences.length];
            String field = fields[random.nextInt(fields.length)];
            ObjectNode a = validArticle();
            a.putObject("image").put("url", "https://example.com/a.jpg").put("caption", "صورة");
            String marker = "MARK" + i + "MARK";
            if (field.equals("tags")) {
                a.putArray("tags").add("وسم" + marker);
            } else {
                set(a, field, TextNodeOf("نص " + marker + " نص"));
            }
            byte[] json = a.toString().getBytes(StandardCharsets.UTF_8);
            byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(json, m);
            post("invalid UTF-8 " + hex(bad) + " in " + field, splice(json, at, m.length, bad), 400);
        }
        ObjectNode a = validArticle();
        byte[] utf16 = a.toString().getBytes(StandardCharsets.UTF_16);
        post("UTF-16 declared", utf16, 415, AUTH, "Content-Type: application/json; charset=utf-16");
        post("UTF-16 undeclared", utf16, 400);
        post("Latin-1 declared", a.toString().getBytes(StandardCharsets.ISO_8859_1), 415, AUTH, "Content-Type: application/json; charset=iso-8859-1");
        post("UTF-32", a.toString().getBytes(java.nio.charset.Charset.forName("UTF-32")), 400);
    }

    /** Text fields of invisible characters only, which would pass for filled in; tags over their length in characters. */
    private void textThatShowsNothing() {
        String[] invisibles = {"\u200F\u200B\u2060", "\u200E\u200D\u200C", "\uFEFF", "\u202E", "\u2067\u2069",
            "\u2066\u202B\u202C", "\u061C", "\u00A0\u2007\u3000", "\u3164", "\u115F\u1160", "\u034F\uFE0F",
            "\u2800", "\u00AD", "\u2061\u2062\u2063", "\uDB40\uDC20\uDB40\uDC7F", "\u200B".repeat(400)};
        for (String s : invisibles) {
            for (String field : List.of("title", "summary", "category.name", "author.name", "image.caption", "body")) {
                ObjectNode a = validArticle();
                a.putObject("image").put("url", "https://example.com/a.jpg");
                set(a, field, TextNodeOf(s));
                post("only invisible characters in " + field + ": " + escape(s), escaped(a), 400);
            }
            ObjectNode tag = validArticle();
            tag.putArray("tags").add("وسم").add(s);
            post("a tag of only invisible characters: " + escape(s), escaped(tag), 400);
            ObjectNode html = validArticle();
            html.put("body", "<p>" + s + "</p><p><b>" + s + "</b><img src=\"javascript:alert(1)\"></p>");
            post("a body showing only " + escape(s) + " once sanitized", escaped(html), 400);
            if (!existingIds.isEmpty()) {
                ObjectNode replace = validArticle();
                replace.put("title", s);
                put("replacing a title with " + escape(s), existingIds.get(random.nextInt(existingIds.size())), escaped(replace), 400);
            }
        }
        // Tags count characters like every other field: 101 of them are too many, however few UTF-16 units.
        for (String c : List.of("📰", "ب", "\uD835\uDC00", "a")) {
            ObjectNode a = validArticle();
            a.putArray("tags").add(c.repeat(101));
            post("a tag of 101 × " + escape(c), escaped(a), 400);
        }
    }

    private void unicodeEdgeCases() {
        // Text fields that hold nothing once XML-illegal characters are gone.
        String[] nothingLegal = {"\u0000", "\uD800", "\uDFFF", "\uFFFE", "\uFFFF", "\u0001\u0002\u001F", "\uDBFF\u0041".substring(0, 1),
            "\u0000\uD800\uFFFE", "\uDC00\uD800", "\u000B\u000C", "   \u0000  ", "\uD83D"};
        for (String s : nothingLegal) {
            for (String field : List.of("title", "category.name", "author.name", "body")) {
                ObjectNode a = validArticle();
                set(a, field, TextNodeOf(s));
                post("only XML-illegal characters in " + field + ": " + escape(s), escaped(a), 400);
            }
            ObjectNode t = validArticle();
            t.putArray("tags").add(s);
            post("a tag of only XML-illegal characters: " + escape(s), escaped(t), 400);
        }
        // Ten thousand combining marks, in fields with a limit.
        String marks = "ب" + "\u0651".repeat(10_000);
        for (String field : List.of("title", "summary", "category.name", "author.name", "image.caption")) {
            ObjectNode a = validArticle();
            a.putObject("image").put("url", "https://example.com/a.jpg");
            set(a, field, TextNodeOf(marks));
            post("10,000 combining marks in " + field, escaped(a), 400);
        }
        ObjectNode tagMarks = validArticle();
        tagMarks.putArray("tags").add(marks);
        post("10,000 combining marks in a tag", escaped(tagMarks), 400);
        // Slugs look-alike, invisible, bidi-reordered or out of ASCII.
        String[] slugs = {"politics\u202E", "\u202Epolitics", "pol\u200Bitics", "politics\u200F", "Politics", "POLITICS",
            "ｐｏｌｉｔｉｃｓ", "pol\u0131tics", "\u0130stanbul", "ﬁnance", "سياسة", "٣", "politics\u0000", "po\uFEFFlitics",
            "../etc", "..%2fetc", "a/b", "a\\b", "a b", "a.b", "a_b", "%00", "", " ", "politics ", "e\u0301", "\uD800"};
        for (String slug : slugs) {
            String field = random.nextBoolean() ? "category.slug" : "author.slug";
            ObjectNode a = validArticle();
            set(a, field, TextNodeOf(slug));
            post("slug " + escape(slug) + " in " + field, escaped(a), 400);
        }
        // Times that look right to a person.
        String[] times = {"٢٠٢٠-١٠-٢٥T10:00:00+03:00", "\u202E2020-10-25T10:00:00+03:00", "2020-10-25T10:00:00+03:00\u200F",
            "2020-10-25T10:00:00", "2020-10-25", "2020-13-25T10:00:00Z", "2020-02-30T10:00:00Z", "2020-10-25T25:00:00Z",
            "2020-10-25T10:00:00+24:00", "2020-10-25 10:00:00Z", "yesterday", "1603609200", "+10000-01-01T00:00:00Z",
            "2020-10-25T10:00:00+03", "2020-10-25T10:00:00 +03:00", "2020-10-25T10:00:00UTC"};
        for (String time : times) {
            ObjectNode a = validArticle();
            a.put("published", time);
            post("published " + escape(time), escaped(a), 400);
        }
        // Image URLs that are not http(s), or not URLs.
        String[] urls = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:image/png;base64,AAAA", "vbscript:msgbox(1)",
            "file:///etc/passwd", "//example.com/a.jpg", "/a.jpg", "a.jpg", "https://", "https:///a.jpg", "ftp://example.com/a.jpg",
            "https://example.com/a b.jpg", "https://example.com/\"><script>", "http://[::1", "\u202Ehttps://example.com/a.jpg",
            "https://exa mple.com/", "https://example.com/\u0000.jpg".replace("\u0000", "%"), " https://example.com/a.jpg"};
        for (String url : urls) {
            ObjectNode a = validArticle();
            a.putObject("image").put("url", url);
            post("image.url " + escape(url), escaped(a), 400);
        }
        String[] types = {"text/html", "image/svg+xml\"", "IMAGE/JPEG", "image/", "application/javascript", "image/jpeg; x=1", "image/\u202Ejpeg"};
        for (String type : types) {
            ObjectNode a = validArticle();
            a.putObject("image").put("url", "https://example.com/a.jpg").put("type", type);
            post("image.type " + escape(type), escaped(a), 400);
        }
    }

    private void wrongTypes(int count) {
        String[] stringFields = {"title", "summary", "body", "category.slug", "category.name", "author.slug",
            "author.name", "published", "image.url", "image.type", "image.caption"};
        String[] objectFields = {"category", "author", "image"};
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> notStrings = List.of(f.numberNode(123), f.numberNode(-1), f.numberNode(1e3), f.numberNode(1.5),
                f.booleanNode(true), f.booleanNode(false), f.arrayNode(), f.objectNode(), f.arrayNode().add("a"),
                f.objectNode().put("a", "b"), f.numberNode(new java.math.BigInteger("9223372036854775808")),
                f.numberNode(-0.0), f.numberNode(Double.MAX_VALUE));
        List<JsonNode> notIds = List.of(f.textNode("1"), f.numberNode(1.0), f.numberNode(1.5), f.numberNode(0), f.numberNode(-1),
                f.numberNode(1e3), f.numberNode(new java.math.BigInteger("9223372036854775808")), f.booleanNode(true),
                f.nullNode(), f.arrayNode().add(1), f.textNode("١"), f.numberNode(Long.MIN_VALUE),
                // {"id": 1} is how GET shows a link, and valid; these objects are not
                f.objectNode().put("id", "1"), f.objectNode(), f.objectNode().put("id", 1.5));
        for (int i = 0; i < count; i++) {
            ObjectNode a = validArticle();
            a.putObject("image").put("url", "https://example.com/a.jpg").put("caption", "صورة");
            String label;
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    String field = stringFields[random.nextInt(stringFields.length)];
                    JsonNode value = notStrings.get(random.nextInt(notStrings.size()));
                    set(a, field, value);
                    label = field + " = " + value;
                }
                case 2 -> {
                    String field = objectFields[random.nextInt(objectFields.length)];
                    JsonNode value = random.nextBoolean() ? f.textNode("politics") : notStrings.get(random.nextInt(notStrings.size()));
                    if (value.isObject()) {
                        value = f.arrayNode().add(value);
                    }
                    a.set(field, value);
                    label = field + " = " + value;
                }
                case 3 -> {
                    JsonNode value = notIds.get(random.nextInt(notIds.size()));
                    a.putArray("related").add(value);
                    label = "related = [" + value + "]";
                }
                default -> {
                    boolean tags = random.nextBoolean();
                    JsonNode value = tags ? notStrings.get(random.nextInt(notStrings.size())) : f.textNode("1, 2");
                    if (tags) {
                        a.putArray("tags").add(value);
                        label = "tags = [" + value + "]";
                    } else {
                        a.set(random.nextBoolean() ? "related" : "tags", value);
                        label = "a string for an array";
                    }
                }
            }
            if (random.nextInt(4) == 0) {
                put("wrong type " + label, someId(), bytes(a), 400);
            } else {
                post("wrong type " + label, bytes(a), 400);
            }
        }
        // Required fields missing or null, one at a time.
        for (String field : List.of("title", "body", "category", "author", "category.slug", "category.name", "author.slug", "author.name", "image.url")) {
            ObjectNode a = validArticle();
            a.putObject("image").put("url", "https://example.com/a.jpg");
            set(a, field, f.nullNode());
            post(field + " null", bytes(a), 400);
            ObjectNode b = validArticle();
            b.putObject("image").put("url", "https://example.com/a.jpg");
            remove(b, field);
            post(field + " missing", bytes(b), 400);
            if (!field.equals("category") && !field.equals("author")) {
                ObjectNode c = validArticle();
                c.putObject("image").put("url", "https://example.com/a.jpg");
                set(c, field, f.textNode(" \t\n"));
                post(field + " blank", bytes(c), 400);
            }
        }
        // Related articles that don't exist, or the article itself.
        for (long id : new long[] {999_999, Long.MAX_VALUE, 1_000_000_000_000L}) {
            post("related to unknown " + id, bytes(Articles.withRelated(validArticle(), id)), 400);
        }
        long self = someId();
        put("related to itself", self, bytes(Articles.withRelated(validArticle(), self)), 400);
        post("related twice", bytes(Articles.withRelated(validArticle(), self, self)), 400);
    }

    private void lyingHeaders() {
        byte[] article = bytes(validArticle());
        String target = "/api/articles";
        // Content-Length: shorter than the body, longer than the body, not a number, twice.
        for (int i = 0; i < 10; i++) {
            int shorter = random.nextInt(article.length - 1);
            raw("Content-Length " + shorter + " for " + article.length + " bytes",
                    RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close", AUTH, JSON,
                            "Content-Length: " + shorter), article), false, 400);
            int longer = article.length + 1 + random.nextInt(10_000);
            raw("Content-Length " + longer + " for " + article.length + " bytes, then the end",
                    RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close", AUTH, JSON,
                            "Content-Length: " + longer), article), true, 400);
        }
        for (String length : List.of("-1", "abc", "1e3", "0x10", " ", "99999999999999999999", "1,1", "+10", "2147483648")) {
            raw("Content-Length: " + length, RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                    AUTH, JSON, "Content-Length: " + length), article), true, Hostile.ANY_4XX);
        }
        raw("two different Content-Lengths", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                AUTH, JSON, "Content-Length: " + article.length, "Content-Length: 5"), article), true, 400);
        raw("Content-Length and chunked both", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                AUTH, JSON, "Content-Length: 5", "Transfer-Encoding: chunked"), chunked(article)), true, 400);
        raw("Transfer-Encoding: gzip, chunked on plain bytes", RawHttp.request("POST", target, List.of("Host: 127.0.0.1",
                "Connection: close", AUTH, JSON, "Transfer-Encoding: gzip, chunked"), chunked(article)), true, Hostile.ANY_4XX);
        raw("Transfer-Encoding: identity", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                AUTH, JSON, "Transfer-Encoding: identity"), article), true, Hostile.ANY_4XX);
        for (String chunkSize : List.of("zz", "-1", "FFFFFFFFFFFFFFFFFFFF", "1;" + "x".repeat(10_000), "")) {
            byte[] body = ("5\r\n{\"tit\r\n" + chunkSize + "\r\nle\":1}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            raw("chunk size " + abbreviate(chunkSize), RawHttp.request("POST", target, List.of("Host: 127.0.0.1",
                    "Connection: close", AUTH, JSON, "Transfer-Encoding: chunked"), body), true, Hostile.ANY_4XX);
        }
        byte[] truncatedChunks = java.util.Arrays.copyOf(chunked(article), 40);
        raw("chunked body cut short", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                AUTH, JSON, "Transfer-Encoding: chunked"), truncatedChunks), true, 400);
        // Content-Type that lies, or is missing.
        String[] types = {null, "text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/jsonp", "application/json-patch", "json",
            "application/json; charset=windows-1256", "application/json; charset=utf-7", "*/*", "application/*",
            "application/octet-stream", "image/jpeg", "text/json\u0000"};
        for (String type : types) {
            List<String> headers = new ArrayList<>(List.of(AUTH));
            if (type != null) {
                headers.add("Content-Type: " + type);
            }
            post("Content-Type " + type, article, type != null && type.indexOf(0) >= 0 ? Hostile.ANY_4XX : 415, headers.toArray(String[]::new));
            put("Content-Type " + type, someId(), article, type != null && type.indexOf(0) >= 0 ? Hostile.ANY_4XX : 415, headers.toArray(String[]::new));
        }
        post("form body labelled JSON", "title=a&body=%3Cp%3Eb%3C%2Fp%3E".getBytes(StandardCharsets.US_ASCII), 400);
        post("XML labelled JSON", "<?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.US_ASCII), 400);
        // Compressed bodies: nothing inflates them, so any Content-Encoding is refused; a bomb stays small.
        byte[] gzipped = gzip(article);
        post("gzip body with Content-Encoding", gzipped, 415, AUTH, JSON, "Content-Encoding: gzip");
        post("gzip body without Content-Encoding", gzipped, 400);
        post("plain body claiming gzip", article, 415, AUTH, JSON, "Content-Encoding: gzip");
        post("gzip bomb", gzip(new byte[20_000_000]), 415, AUTH, JSON, "Content-Encoding: gzip");
        post("Content-Encoding: br", article, 415, AUTH, JSON, "Content-Encoding: br");
        // Expect: 100-continue with a declared size over the cap: refused before the body is sent.
        raw("Expect 100-continue for 50 MB", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                AUTH, JSON, "Expect: 100-continue", "Content-Length: 52428800"), new byte[0]), false, 413);
        raw("declared 3 GB", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                AUTH, JSON, "Content-Length: 3000000000"), article), false, 413);
        // Header lines that break the protocol.
        raw("no Host", RawHttp.request("POST", target, List.of("Connection: close", AUTH, JSON,
                "Content-Length: " + article.length), article), false, 400);
        raw("two Hosts", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Host: evil.example", "Connection: close",
                AUTH, JSON, "Content-Length: " + article.length), article), false, 400);
        raw("a folded header", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close", AUTH,
                "Content-Type: application/", " json", "Content-Length: " + article.length), article), false, Hostile.ANY_4XX);
        raw("a 64 KB header", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close", AUTH, JSON,
                "X-Filler: " + "a".repeat(65_536), "Content-Length: " + article.length), article), false, 431);
        List<String> many = new ArrayList<>(List.of("Host: 127.0.0.1", "Connection: close", AUTH, JSON));
        for (int i = 0; i < 2_000; i++) {
            many.add("X-H" + i + ": v");
        }
        many.add("Content-Length: " + article.length);
        raw("2,000 headers", RawHttp.request("POST", target, many, article), false, 431);
        raw("a header name with a space", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                AUTH, JSON, "Content Length: 3", "Content-Length: " + article.length), article), false, 400);
        raw("a NUL in a header", RawHttp.request("POST", target, List.of("Host: 127.0.0.1", "Connection: close",
                AUTH + "\u0000", JSON, "Content-Length: " + article.length), article), false, Hostile.ANY_4XX);
        // Idempotency keys out of bounds.
        post("a blank Idempotency-Key", article, 400, AUTH, JSON, "Idempotency-Key: ");
        post("a 201-character Idempotency-Key", article, 400, AUTH, JSON, "Idempotency-Key: " + "k".repeat(201));
    }

    private void pathTricks() {
        byte[] article = bytes(validArticle());
        String[] ids = {"..", "%2e%2e", "%2E%2E%2F", "..%2f..%2fetc%2fpasswd", "%00", "1%00", "%31%00", "1%2500", "-1", "0",
            "-0", "1e3", "1E3", "1.0", "1.5", "+1", "%2B1", "%201", "1%20", "0x1", "%D9%A1", "%EF%BC%91", "9".repeat(19),
            "9".repeat(20), "9".repeat(7_000), "-9223372036854775808", "NaN", "Infinity", "null", "undefined", "%5B1%5D",
            "%7Bid%7D", "1%20OR%201%3D1", "1'--", "1%27--", "*", "%2A", "~1", "1%0D%0AX-Injected:%20yes", "%E2%80%AE1",
            "1%E2%80%8F", "%C0%AE%C0%AE", "%252e%252e", "01", "001", "1_000", "1,2", "%uff11", "%", "%zz", "%D8"};
        for (String id : ids) {
            int expected = id.length() > 5_000 ? Hostile.ANY_4XX : 400;
            for (String method : List.of("GET", "PUT", "DELETE")) {
                byte[] body = method.equals("PUT") ? article : new byte[0];
                List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1", "Connection: close", AUTH));
                if (method.equals("PUT")) {
                    headers.add(JSON);
                    headers.add("Content-Length: " + body.length);
                }
                raw(method + " id " + abbreviate(id), RawHttp.request(method, "/api/articles/" + id, headers, body),
                        false, expected);
            }
        }
        // Traversal around the route, and ids that are numbers but name no article.
        String[] paths = {"/api/%2e%2e/api/articles", "/api/articles/%2e%2e/%2e%2e/etc/passwd",
            "/api/articles/1/..", "/api/articles/1/../../health", "/api//articles", "/api/articles/1/extra", "/api/articles/1/%2e%2e",
            "/api/articles\\1", "/api/articles/..;/1", "/api/articles;x=1/1"};
        for (String path : paths) {
            for (String method : List.of("PUT", "DELETE")) {
                byte[] body = method.equals("PUT") ? article : new byte[0];
                List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1", "Connection: close", AUTH, JSON,
                        "Content-Length: " + body.length));
                raw(method + " " + path, RawHttp.request(method, path, headers, body), false, Hostile.ANY_4XX);
            }
        }
        for (long missing : new long[] {999_999, Long.MAX_VALUE}) {
            put("PUT a missing article", missing, article, 404);
            raw("DELETE a missing article", RawHttp.request("DELETE", "/api/articles/" + missing, new byte[0], AUTH), false, 404);
            raw("GET a missing article", RawHttp.request("GET", "/api/articles/" + missing, new byte[0]), false, 404);
        }
        // Query parameters of the list.
        String[] queries = {"category=..%2F..%2Fetc", "category=%00", "category=POLITICS", "category=x%27%20OR%20%271%27%3D%271",
            "category=" + "a".repeat(65), "author=%E2%80%AEpolitics", "author=%D8%B3", "limit=0", "limit=-1", "limit=101",
            "limit=1e3", "limit=99999999999", "limit=1.5", "limit=%D9%A1", "limit=abc", "before=yesterday", "before=%00",
            "before=2020-10-25T10:00:00", "before=1603609200", "category=a%20b", "author=a/b"};
        for (String query : queries) {
            raw("list ?" + abbreviate(query), RawHttp.request("GET", "/api/articles?" + query, new byte[0]), false, 400);
        }
    }

    private void methods() {
        byte[] article = bytes(validArticle());
        String[] methods = {"PATCH", "TRACE", "PROPFIND", "MKCOL", "COPY", "MOVE", "LOCK", "FOO", "get", "Post", "DELETEX"};
        for (String method : methods) {
            for (String target : List.of("/api/articles", "/api/articles/" + someId(), "/health")) {
                byte[] body = method.equals("TRACE") ? new byte[0] : article;
                raw(method + " " + target, RawHttp.request(method, target, body, AUTH, JSON), false, Hostile.ANY_4XX);
            }
        }
        // X-HTTP-Method-Override must not turn a read into a write, or slip past the token check.
        long target = someId();
        for (String override : List.of("DELETE", "PUT", "POST", "PATCH", "delete", "GET")) {
            raw("GET with override " + override + ", no token", RawHttp.request("GET", "/api/articles/" + target,
                    new byte[0], "X-HTTP-Method-Override: " + override), false, 400);
            raw("GET with override " + override, RawHttp.request("GET", "/api/articles/" + target,
                    new byte[0], AUTH, "X-HTTP-Method-Override: " + override), false, 400);
            raw("POST with override " + override, RawHttp.request("POST", "/api/articles", article, AUTH, JSON,
                    "X-HTTP-Method-Override: " + override), false, 400);
            raw("HEAD with override " + override, RawHttp.request("HEAD", "/api/articles/" + target,
                    new byte[0], "X-HTTP-Method-Override: " + override), false, 400);
        }
    }

    private void badTokens() {
        byte[] article = bytes(validArticle());
        String[] auths = {null, "Authorization: Bearer", "Authorization: Bearer ", "Authorization: Bearer wrong",
            "Authorization: Bearer " + TestServer.TOKEN + "x", "Authorization: Bearer " + TestServer.TOKEN.substring(1),
            "Authorization: Bearer " + TestServer.TOKEN.toUpperCase(java.util.Locale.ROOT),
            "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(("editor:" + TestServer.TOKEN).getBytes(StandardCharsets.UTF_8)),
            "Authorization: " + TestServer.TOKEN, "Authorization: Token " + TestServer.TOKEN,
            "Authorization: Bearer " + TestServer.TOKEN + ", Bearer x", "Authorization: Bearer\t" + "x".repeat(4000),
            "X-Authorization: Bearer " + TestServer.TOKEN, "Cookie: token=" + TestServer.TOKEN,
            "Authorization: Bearer %74est-editor-token", "Authorization: Bearer " + TestServer.TOKEN + "\u0000"};
        for (String auth : auths) {
            List<String> headers = new ArrayList<>(List.of(JSON));
            if (auth != null) {
                headers.add(auth);
            }
            String[] h = headers.toArray(String[]::new);
            int expected = auth != null && auth.indexOf('\u0000') >= 0 ? Hostile.ANY_4XX : 401;
            raw("POST with " + abbreviate(String.valueOf(auth)), RawHttp.request("POST", "/api/articles", article, h), false, expected);
            raw("PUT with " + abbreviate(String.valueOf(auth)), RawHttp.request("PUT", "/api/articles/" + someId(), article, h), false, expected);
            raw("DELETE with " + abbreviate(String.valueOf(auth)), RawHttp.request("DELETE", "/api/articles/" + someId(), new byte[0], h), false, expected);
        }
        raw("token in the query", RawHttp.request("POST", "/api/articles?token=" + TestServer.TOKEN, article, JSON), false, 401);
    }

    /** Times out of range, image URLs that mislead, bodies that grow or nest past the bounds, HEAD of refusals. */
    private void boundsAndRanges() {
        for (String before : List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "9999-12-31T23:59:59-18:00")) {
            raw("list ?before=" + before, RawHttp.request("GET", "/api/articles?before=" + before, new byte[0]), false, 400);
            raw("list ?before=" + before + " as an editor", RawHttp.request("GET", "/api/articles?before=" + before, new byte[0], AUTH),
                    false, 400);
            raw("HEAD list ?before=" + before, RawHttp.request("HEAD", "/api/articles?before=" + before, new byte[0]), false, 400);
        }
        for (String time : List.of("9999-12-31T23:59:59-18:00", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                "1581-10-10T12:00:00Z", "1899-12-31T23:59:59.999Z")) {
            ObjectNode a = validArticle();
            a.put("published", time);
            post("published " + time, bytes(a), 400);
            put("published " + time, someId(), bytes(a), 400);
        }
        for (String url : List.of("https://www.google.com@evil.example/x.png", "https://u:p@img.example/a.jpg",
                "https://img.example:99999/a.jpg", "https://img.example:0/a.jpg", "https://img.example:-1/a.jpg",
                "ftp://img.example/a.jpg", "file:///etc/passwd", "gopher://img.example/a.jpg")) {
            ObjectNode a = validArticle();
            a.putObject("image").put("url", url);
            post("image.url " + url, bytes(a), 400);
        }
        for (String[] mismatch : new String[][] {{"x.svg", "image/jpeg"}, {"x.png", "image/gif"}, {"x.JPG?w=1", "image/webp"}}) {
            ObjectNode a = validArticle();
            a.putObject("image").put("url", "https://img.example/" + mismatch[0]).put("type", mismatch[1]);
            post("image " + mismatch[0] + " typed " + mismatch[1], bytes(a), 400);
        }
        for (String[] body : new String[][] {{"paragraphs closed past the bound", "<p>ع".repeat(45_000)},
                {"quotes nested 40 deep", "<blockquote>".repeat(40) + "نص"}, {"spans nested 33 deep", "<span>".repeat(33) + "نص"},
                {"400,000 unclosed <b>", "<b>".repeat(400_000) + "نص"}}) {
            ObjectNode a = validArticle();
            a.put("body", body[1]);
            post("a body of " + body[0], a.toString().getBytes(StandardCharsets.UTF_8), 400);
        }
        for (String path : List.of("/api/articles/999999", "/api/articles/x", "/api/articles?limit=0", "/nothing")) {
            int status = path.contains("999999") || path.equals("/nothing") ? 404 : 400;
            raw("HEAD " + path, RawHttp.request("HEAD", path, new byte[0]), false, status);
        }
    }

    /** Requests Jetty refuses before any handler: answered as problems too. */
    private void refusedByJetty() {
        byte[] article = bytes(validArticle());
        raw("two equal Content-Lengths", RawHttp.request("POST", "/api/articles", List.of("Host: 127.0.0.1", "Connection: close",
                AUTH, JSON, "Content-Length: " + article.length, "Content-Length: " + article.length), article), false, 400);
        for (String path : List.of("/feeds/rss%00.xml", "/api/articles/1%00", "/%00", "/feeds/category/a%00b/rss.xml")) {
            raw("NUL in " + path, RawHttp.request("GET", path, new byte[0]), false, 400);
        }
        raw("a 20 KB request target", RawHttp.request("GET", "/api/articles?category=" + "a".repeat(20_000), new byte[0]), false, 414);
        raw("a 20 KB header", RawHttp.request("GET", "/feeds/rss.xml", new byte[0], "X-Big: " + "a".repeat(20_000)), false, 431);
    }

    /** The category and author API: bad names, unknown or malformed slugs, no token, one in use. */
    private void filings() {
        for (String base : List.of("/api/categories/", "/api/authors/")) {
            String used = base.contains("categories") ? "politics" : "nizar-samir";
            for (String body : List.of("{}", "{\"name\": \"\"}", "{\"name\": \"   \"}", "{\"name\": 3}", "[]", "\"x\"",
                    "{\"name\": \"" + "ع".repeat(201) + "\"}", "{\"name\": \"\\u0000\"}", "{\"name\": null}", "{")) {
                raw("PUT " + base + used + " " + abbreviate(body), RawHttp.request("PUT", base + used,
                        body.getBytes(StandardCharsets.UTF_8), AUTH, JSON), false, 400);
            }
            byte[] name = "{\"name\": \"اسم\"}".getBytes(StandardCharsets.UTF_8);
            raw("PUT " + base + "unknown", RawHttp.request("PUT", base + "no-such-slug", name, AUTH, JSON), false, 404);
            raw("PUT " + base + " without a token", RawHttp.request("PUT", base + used, name, JSON), false, 401);
            raw("PUT " + base + "BAD", RawHttp.request("PUT", base + "Not_A_Slug", name, AUTH, JSON), false, 400);
            raw("DELETE " + base + used + " in use", RawHttp.request("DELETE", base + used, new byte[0], AUTH), false, 409);
            raw("DELETE " + base + used + " without a token", RawHttp.request("DELETE", base + used, new byte[0]), false, 401);
            raw("DELETE " + base + "unknown", RawHttp.request("DELETE", base + "no-such-slug", new byte[0], AUTH), false, 404);
            raw("GET " + base + "unknown", RawHttp.request("GET", base + "no-such-slug", new byte[0]), false, 404);
            raw("GET " + base + "%00", RawHttp.request("GET", base + "%00", new byte[0]), false, 400);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private long someId() {
        return existingIds.get(random.nextInt(existingIds.size()));
    }

    private void post(String label, byte[] body, int expected) {
        post(label, body, expected, AUTH, JSON);
    }

    private void post(String label, byte[] body, int expected, String... headers) {
        raw("POST " + label, RawHttp.request("POST", "/api/articles", body, headers), false, expected);
    }

    private void put(String label, long id, byte[] body, int expected) {
        put(label, id, body, expected, AUTH, JSON);
    }

    private void put(String label, long id, byte[] body, int expected, String... headers) {
        raw("PUT " + label, RawHttp.request("PUT", "/api/articles/" + id, body, headers), false, expected);
    }

    private void raw(String label, byte[] raw, boolean halfClose, int expected) {
        out.add(new Hostile(label, raw, halfClose, expected));
    }

    private static JsonNode TextNodeOf(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    /** Sets a field by dotted path ({@code image.caption}), creating the parent object if needed. */
    private static void set(ObjectNode article, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = article;
        if (parts.length == 2) {
            parent = article.get(parts[0]) instanceof ObjectNode o ? o : article.putObject(parts[0]);
            if (parts[0].equals("image") && !parent.has("url") && !parts[1].equals("url")) {
                parent.put("url", "https://example.com/a.jpg");
            }
        }
        parent.set(parts[parts.length - 1], value);
    }

    private static void remove(ObjectNode article, String path) {
        String[] parts = path.split("\\.");
        if (parts.length == 2) {
            ((ObjectNode) article.get(parts[0])).remove(parts[1]);
        } else {
            article.remove(path);
        }
    }

    private String randomArabic(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(8) == 0 ? ' ' : (char) (0x0621 + random.nextInt(26)));
        }
        return s.toString();
    }

    /** The JSON as UTF-8, with non-ASCII characters written raw or as escapes at random. */
    private byte[] bytes(JsonNode json) {
        return random.nextBoolean() ? json.toString().getBytes(StandardCharsets.UTF_8) : escaped(json);
    }

    /** Every non-ASCII character as a backslash-u escape: the only way to send a lone surrogate. */
    private static byte[] escaped(JsonNode json) {
        try {
            return ESCAPING.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        int end = Math.min(bytes.length, at + remove);
        byte[] result = new byte[bytes.length - (end - at) + insert.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(bytes, end, result, at + insert.length, bytes.length - end);
        return result;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("marker not found");
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 100) {
            int n = Math.min(100, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> out.append(cp < 0x20 || cp > 0x7E ? String.format("\\u%04X", cp) : String.valueOf((char) cp)));
        return out.toString();
    }

    private static String abbreviate(String s) {
        String e = escape(s);
        return e.length() > 60 ? e.substring(0, 60) + "…" : e;
    }
}
