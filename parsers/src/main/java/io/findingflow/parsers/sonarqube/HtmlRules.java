package io.findingflow.parsers.sonarqube;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The element rules of libxml2's HTML parser (HTML 4 based) that shape its trees: void elements,
 * head-only elements, which start tags close which open elements, and end tag priorities.
 */
final class HtmlRules {

    private static final Set<String> VOID = Set.of("area", "base", "basefont", "br", "col", "embed",
            "frame", "hr", "img", "input", "isindex", "link", "meta", "param");
    private static final Set<String> HEAD_ELEMENTS = Set.of("script", "style", "meta", "link", "title", "base");
    private static final Map<String, Set<String>> CLOSED_BY = startClose();
    /** An end tag only closes open elements up to one with a higher priority than its own. */
    private static final Map<String, Integer> END_PRIORITY = Map.of("div", 150, "td", 160, "th", 160,
            "tr", 170, "thead", 180, "tbody", 180, "tfoot", 180, "table", 190, "head", 200, "body", 200);

    private HtmlRules() {}

    static boolean isVoid(String name) {
        return VOID.contains(name);
    }

    static boolean belongsInHead(String name) {
        return HEAD_ELEMENTS.contains(name);
    }

    /** Whether a {@code newTag} start tag closes an open {@code openTag} element. */
    static boolean closes(String newTag, String openTag) {
        return CLOSED_BY.getOrDefault(newTag, Set.of()).contains(openTag);
    }

    static int endPriority(String name) {
        return END_PRIORITY.getOrDefault(name, 100);
    }

    /** libxml2's htmlStartClose table: for each start tag, the open elements it closes. */
    private static Map<String, Set<String>> startClose() {
        String fontStyle = "tt i b u s strike big small";
        String[][] table = {
            {"form", "form p hr h1 h2 h3 h4 h5 h6 dl ul ol menu dir address pre listing xmp head"},
            {"head", "p"},
            {"title", "p"},
            {"body", "head style script title"},
            {"frameset", "head style script title"},
            {"li", "p h1 h2 h3 h4 h5 h6 dl address pre listing xmp head li"},
            {"hr", "p head"},
            {"h1", "p head h2 h3 h4 h5 h6"},
            {"h2", "p head h1 h3 h4 h5 h6"},
            {"h3", "p head h1 h2 h4 h5 h6"},
            {"h4", "p head h1 h2 h3 h5 h6"},
            {"h5", "p head h1 h2 h3 h4 h6"},
            {"h6", "p head h1 h2 h3 h4 h5"},
            {"dir", "p head"},
            {"address", "p head ul"},
            {"pre", "p head ul"},
            {"listing", "p head"},
            {"xmp", "p"},
            {"blockquote", "p head"},
            {"dl", "p dt menu dir address pre listing xmp head"},
            {"dt", "p menu dir address pre listing xmp head dd"},
            {"dd", "p menu dir address pre listing xmp head dt"},
            {"ul", "p head ol menu dir address pre listing xmp"},
            {"ol", "p head ul"},
            {"menu", "p head ul"},
            {"p", "p head h1 h2 h3 h4 h5 h6 " + fontStyle},
            {"div", "p head"},
            {"noscript", "script"},
            {"center", "font b i p head"},
            {"a", "a head"},
            {"caption", "p"},
            {"colgroup", "caption colgroup col p"},
            {"col", "caption col p"},
            {"table", "p head h1 h2 h3 h4 h5 h6 pre listing xmp a"},
            {"th", "th td p span font a b i u"},
            {"td", "th td p span font a b i u"},
            {"tr", "th td tr caption col colgroup p"},
            {"thead", "caption col colgroup"},
            {"tfoot", "th td tr caption col colgroup thead tbody p"},
            {"tbody", "th td tr caption col colgroup thead tfoot tbody p"},
            {"optgroup", "option"},
            {"option", "option"},
            {"fieldset", "legend p head h1 h2 h3 h4 h5 h6 pre listing xmp a"},
        };
        Map<String, Set<String>> closes = new HashMap<>();
        for (String[] row : table) {
            closes.put(row[0], Set.of(row[1].split(" ")));
        }
        for (String inline : ("tt i b u s strike big small em strong dfn code samp kbd var cite abbr acronym "
                + "img font br map q sub sup span bdo iframe").split(" ")) {
            closes.putIfAbsent(inline, Set.of("head"));
        }
        return Map.copyOf(closes);
    }
}
