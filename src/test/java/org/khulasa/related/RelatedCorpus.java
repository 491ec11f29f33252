package org.khulasa.related;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.khulasa.TestServer;

/**
 * The hand-written stories of {@code src/test/resources/related-corpus/}, one file per story,
 * read as the article JSON an editor would post (all by one corpus author).
 */
final class RelatedCorpus {
    private RelatedCorpus() {
    }

    record Story(String name, List<ObjectNode> articles) {
    }

    /** Every story, in file-name order, its articles in the order the file gives them. */
    static List<Story> stories() {
        List<Story> stories = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.sorted().toList()) {
                JsonNode story = TestServer.JSON.readTree(file.toFile());
                List<ObjectNode> articles = new ArrayList<>();
                for (JsonNode a : story.get("articles")) {
                    articles.add(post(a));
                }
                stories.add(new Story(story.get("story").asText(), articles));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stories;
    }

    /** The articles of every story, round robin: one article of each story in turn. */
    static List<ObjectNode> inPostingOrder() {
        List<List<ObjectNode>> stories = new ArrayList<>();
        stories().forEach(s -> stories.add(new ArrayList<>(s.articles())));
        List<ObjectNode> order = new ArrayList<>();
        while (stories.stream().anyMatch(s -> !s.isEmpty())) {
            for (List<ObjectNode> story : stories) {
                if (!story.isEmpty()) {
                    order.add(story.remove(0));
                }
            }
        }
        return order;
    }

    private static ObjectNode post(JsonNode a) {
        ObjectNode post = TestServer.JSON.createObjectNode();
        post.put("title", a.get("title").asText());
        post.put("body", a.get("body").asText());
        String category = a.get("category").asText();
        post.putObject("category").put("slug", category).put("name", "قسم " + category);
        post.putObject("author").put("slug", "corpus").put("name", "محرر");
        post.set("tags", a.get("tags"));
        return post;
    }

    private static Path folder() {
        try {
            return Path.of(RelatedCorpus.class.getResource("/related-corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
