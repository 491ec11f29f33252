package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between Khulasa's packages point one way: the compiled main classes, read by the
 * JDK's jdeps, hold no cycle, so each package can be read knowing only those below it.
 */
class PackageDependenciesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s*(org\\.khulasa[\\w.]*)\\s+->\\s+(org\\.khulasa[\\w.]*)\\s");

    @Test
    void no_package_depends_on_itself_through_others() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        assertTrue(graph.containsKey("org.khulasa.web"), "jdeps saw the main classes: " + graph);
        List<String> cycle = findCycle(graph);
        assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle));
    }

    @Test
    void the_cycle_finder_finds_a_cycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")));
        assertEquals(List.of("a", "b", "c", "a"), findCycle(graph));
        assertEquals(List.of(), findCycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of()))));
    }

    /** Package → the other Khulasa packages its classes use. */
    private static Map<String, Set<String>> packageGraph() throws URISyntaxException {
        Path classes = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:package", "-filter:none", "--multi-release", "17", classes.toString());
        assertEquals(0, status, err.toString());
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        return graph;
    }

    /** One cycle as the packages on it, first repeated at the end; empty when there is none. */
    static List<String> findCycle(Map<String, Set<String>> graph) {
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            List<String> cycle = cycleFrom(start, graph, done, new ArrayDeque<>());
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> cycleFrom(String node, Map<String, Set<String>> graph, Set<String> done, Deque<String> path) {
        if (path.contains(node)) {
            List<String> onPath = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(node), onPath.size()));
            cycle.add(node);
            return cycle;
        }
        if (!done.add(node)) {
            return List.of();
        }
        path.addLast(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> cycle = cycleFrom(next, graph, done, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.removeLast();
        return List.of();
    }
}
