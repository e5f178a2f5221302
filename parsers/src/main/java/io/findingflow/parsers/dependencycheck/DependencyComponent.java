package io.findingflow.parsers.dependencycheck;

import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.XmlSubtree;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A dependency's component name and version, found the way DefectDojo does: package URL first,
 * then a cpe identifier, then a maven identifier, then the collected product/version evidence.
 * Either value may be null (the caller then falls back to the file name for the name).
 */
record DependencyComponent(String name, String version, String purl) {

    /** purl types whose namespace and name packageurl-python lower-cases. */
    private static final Set<String> LOWERCASED_TYPES =
            Set.of("bitbucket", "github", "gitlab", "pypi", "hex", "huggingface", "composer");

    static DependencyComponent of(XmlSubtree dependency) throws ParseException {
        XmlSubtree identifiers = dependency.child("identifiers");
        if (identifiers != null) {
            XmlSubtree pkg = identifiers.descendant("package");
            if (pkg != null) {
                String id = pkg.findText("id");
                if (id == null) {
                    throw new ParseException("Invalid Dependency-Check XML report: a <package> identifier has no <id>");
                }
                return fromPurl(id.strip());
            }
            XmlSubtree cpe = identifiers.descendant("identifier", "type", "cpe");
            // DefectDojo tests the element's truth value, which is false for an element without children
            if (cpe != null && !cpe.children().isEmpty()) {
                List<String> parts = cpeParts(cpe.findText("name"));
                String vendor = part(parts, 1);
                String product = part(parts, 2);
                String name = (vendor != null ? vendor + ":" : "") + (product != null ? product : "");
                return new DependencyComponent(name.isEmpty() ? null : name, part(parts, 3), null);
            }
            XmlSubtree maven = identifiers.descendant("identifier", "type", "maven");
            if (maven != null) {
                String[] gav = String.valueOf(maven.findText("name")).split(":", -1);
                if (gav.length == 3) {
                    return new DependencyComponent(gav[0] + ":" + gav[1], gav[2], null);
                }
            }
        }
        XmlSubtree evidence = dependency.child("evidenceCollected");
        if (evidence != null) {
            XmlSubtree product = evidence.descendant("evidence", "type", "product");
            if (product != null) {
                XmlSubtree version = evidence.descendant("evidence", "type", "version");
                return new DependencyComponent(
                        product.findText("value"), version == null ? null : version.findText("value"), null);
            }
        }
        return new DependencyComponent(null, null, null);
    }

    /** packageurl-python's {@code from_string(...).to_dict()}: namespace:name and version. */
    private static DependencyComponent fromPurl(String purl) throws ParseException {
        if (!purl.startsWith("pkg:")) {
            throw new ParseException("Invalid Dependency-Check XML report: package URL without the pkg scheme: " + purl);
        }
        String rest = purl.substring(4).strip().replaceFirst("^/+", "");
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new ParseException("Invalid Dependency-Check XML report: package URL without a type: " + purl);
        }
        String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        String path = rest.substring(slash + 1);
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        int question = path.indexOf('?');
        if (question >= 0) {
            path = path.substring(0, question);
        }
        path = path.replaceFirst("^/+", "");
        String version = null;
        int at = path.lastIndexOf('@');
        if (at >= 0 && !(type.equals("npm") && at == 0)) {
            version = decode(path.substring(at + 1)).strip();
            path = path.substring(0, at);
        }
        path = path.replaceAll("/+$", "");
        int lastSlash = path.lastIndexOf('/');
        String namespace = lastSlash >= 0 ? path.substring(0, lastSlash) : "";
        String name = decode(lastSlash >= 0 ? path.substring(lastSlash + 1) : path);
        List<String> segments = new ArrayList<>();
        for (String segment : namespace.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment));
            }
        }
        namespace = String.join("/", segments);
        if (LOWERCASED_TYPES.contains(type)) {
            namespace = namespace.toLowerCase(Locale.ROOT);
            name = name.toLowerCase(Locale.ROOT);
        }
        if (type.equals("pypi")) {
            name = name.replace('_', '-');
        }
        if (name.isEmpty()) {
            throw new ParseException("Invalid Dependency-Check XML report: package URL without a name: " + purl);
        }
        String component = (namespace.isEmpty() ? "" : namespace + ":") + name;
        return new DependencyComponent(component, version == null ? "" : version, purl);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The colon-separated components of a CPE 2.2 URI or 2.3 formatted string, from the part on. */
    private static List<String> cpeParts(String cpe) {
        List<String> parts = new ArrayList<>();
        if (cpe == null) {
            return parts;
        }
        String body = cpe.startsWith("cpe:2.3:") ? cpe.substring(8) : cpe.startsWith("cpe:/") ? cpe.substring(5) : cpe;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                current.append(c).append(body.charAt(++i));
            } else if (c == ':') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String part(List<String> parts, int index) {
        return index < parts.size() && !parts.get(index).isEmpty() ? parts.get(index) : null;
    }
}
