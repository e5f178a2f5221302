package io.findingflow.schemas;

import java.net.IDN;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@link Endpoint}s the way DefectDojo's {@code URL.clean()} normalises them. Parsers hand in
 * raw URLs or parts; this is the only place that knows default ports and the cleaning rules.
 */
public final class EndpointCleaner {

    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.ofEntries(
                    Map.entry("http", 80),
                    Map.entry("https", 443),
                    Map.entry("ftp", 21),
                    Map.entry("ssh", 22),
                    Map.entry("telnet", 23),
                    Map.entry("smtp", 25),
                    Map.entry("dns", 53),
                    Map.entry("pop3", 110),
                    Map.entry("imap", 143),
                    Map.entry("ldap", 389),
                    Map.entry("ldaps", 636),
                    Map.entry("ws", 80),
                    Map.entry("wss", 443));

    private EndpointCleaner() {}

    /** The protocol's default port, or null for protocols without one (tcp, "", unknown). */
    public static Integer defaultPort(String protocol) {
        return protocol == null ? null : DEFAULT_PORTS.get(protocol.toLowerCase(Locale.ROOT));
    }

    /**
     * Parses a URL such as {@code https://Host:8443/a/b?x=1#f} or a bare host ({@code example.com}).
     * Returns null when no host can be found (DefectDojo leaves such locations out).
     */
    public static Endpoint fromUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String rest = url.trim();
        String protocol = "";
        int scheme = rest.indexOf("://");
        if (scheme > 0 && rest.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            protocol = rest.substring(0, scheme);
            rest = rest.substring(scheme + 3);
        }
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        Integer port = null;
        String host = rest;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            host = close > 0 ? rest.substring(1, close) : rest;
            String after = close > 0 ? rest.substring(close + 1) : "";
            if (after.startsWith(":") && after.length() > 1) {
                port = parsePort(after.substring(1));
            }
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon >= 0 && rest.indexOf(':') == colon) {
                host = rest.substring(0, colon);
                port = parsePort(rest.substring(colon + 1));
            }
        }
        return of(protocol, host, port, path, query, fragment);
    }

    /** Cleans already separated parts; null when the host is empty. */
    public static Endpoint of(
            String protocol, String host, Integer port, String path, String query, String fragment) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String cleanProtocol = protocol == null ? "" : protocol.trim().toLowerCase(Locale.ROOT);
        String cleanHost = host.trim();
        try {
            cleanHost = IDN.toASCII(cleanHost, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notIdn) {
            // keep the host as given: DefectDojo also stores hosts it cannot IDNA-encode verbatim
        }
        cleanHost = cleanHost.toLowerCase(Locale.ROOT);
        Integer cleanPort = port != null ? port : defaultPort(cleanProtocol);
        return new Endpoint(
                cleanProtocol,
                cleanHost,
                cleanPort,
                stripLeading(path, '/'),
                stripLeading(query, '?'),
                stripLeading(fragment, '#'));
    }

    private static String stripLeading(String value, char prefix) {
        if (value == null) {
            return "";
        }
        String text = value;
        while (!text.isEmpty() && text.charAt(0) == prefix) {
            text = text.substring(1);
        }
        return text;
    }

    private static Integer parsePort(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            return port > 0 && port <= 65535 ? port : null;
        } catch (NumberFormatException notAPort) {
            return null;
        }
    }
}
