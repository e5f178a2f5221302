package io.findingflow.parsers.zap;

import java.util.regex.Pattern;

/** html2text's Markdown escaping of link parts and of text sections. */
final class MarkdownEscape {

    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern MD_CHARS = Pattern.compile("([\\\\\\[\\]()])");
    private static final Pattern BACKSLASH = Pattern.compile("(\\\\)(?=[\\\\`*_{}\\[\\]()#+\\-.!])");
    private static final Pattern DOT = Pattern.compile("^(\\s*\\d+)(\\.)(?=\\s)", FLAGS);
    private static final Pattern PLUS = Pattern.compile("^(\\s*)(\\+)(?=\\s)", FLAGS);
    private static final Pattern DASH = Pattern.compile("^(\\s*)(-)(?=\\s|-)", FLAGS);

    private MarkdownEscape() {}

    /** {@code escape_md}: backslash before \ [ ] ( ). */
    static String escapeMd(String text) {
        return MD_CHARS.matcher(text).replaceAll("\\\\$1");
    }

    /** {@code escape_md_section} with html2text's defaults (not the snob mode). */
    static String escapeMdSection(String text) {
        // each pattern needs its literal character: most text runs have none of them, and a
        // replaceAll that cannot match still builds a matcher and scans the text
        String out = text.indexOf('\\') < 0 ? text : BACKSLASH.matcher(text).replaceAll("\\\\$1");
        out = out.indexOf('.') < 0 ? out : DOT.matcher(out).replaceAll("$1\\\\$2");
        out = out.indexOf('+') < 0 ? out : PLUS.matcher(out).replaceAll("$1\\\\$2");
        return out.indexOf('-') < 0 ? out : DASH.matcher(out).replaceAll("$1\\\\$2");
    }
}
