package io.findingflow.parsers;

import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.EndpointCleaner;
import java.util.Locale;

/**
 * {@link EndpointCleaner#of} for a host, protocol and port, without IDNA for the hosts it leaves as
 * they are. IDNA ({@code java.net.IDN}) was a third of a Nessus CSV row's cost, though almost every
 * host a scanner reports is an IP address or a plain DNS name, which it returns unchanged: labels of
 * ASCII letters, digits and hyphens, 1 to 63 characters, between single dots. Any other host goes
 * through {@link EndpointCleaner#of}.
 */
public final class PlainHostEndpoints {

    private static final int MAX_LABEL_LENGTH = 63;

    private PlainHostEndpoints() {}

    /** {@code EndpointCleaner.of(protocol, host, port, "", "", "")}. */
    public static Endpoint of(String protocol, String host, Integer port) {
        String trimmed = host == null ? null : host.trim();
        if (protocol == null || trimmed == null || !isPlainHost(trimmed)) {
            return EndpointCleaner.of(protocol, host, port, "", "", "");
        }
        String cleanProtocol = protocol.trim().toLowerCase(Locale.ROOT);
        Integer cleanPort = port != null ? port : EndpointCleaner.defaultPort(cleanProtocol);
        return new Endpoint(cleanProtocol, trimmed.toLowerCase(Locale.ROOT), cleanPort, "", "", "");
    }

    /** Labels of [A-Za-z0-9-], 1 to 63 long, separated by single dots: what IDNA's ToASCII returns as is. */
    static boolean isPlainHost(String host) {
        int label = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c >= 'A' && c <= 'Z') {
                if (++label > MAX_LABEL_LENGTH) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return label > 0;
    }
}
