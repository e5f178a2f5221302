package io.findingflow.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A URL location as DefectDojo stores it after {@code URL.clean()}: protocol lower-case (or ""),
 * host lower-case, port filled from the protocol's default when absent, path without its leading
 * slash, query without "?", fragment without "#".
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Endpoint(
        String protocol, String host, Integer port, String path, String query, String fragment) {

    /** DefectDojo's {@code URL.__str__}: the canonical text used in hash codes (default ports omitted). */
    public String canonical() {
        StringBuilder text = new StringBuilder();
        if (protocol != null && !protocol.isEmpty()) {
            text.append(protocol).append("://");
        }
        text.append(host == null ? "" : host);
        Integer defaultPort = EndpointCleaner.defaultPort(protocol);
        if (port != null && !port.equals(defaultPort)) {
            text.append(':').append(port);
        }
        if (path != null && !path.isEmpty()) {
            text.append('/').append(path);
        }
        if (query != null && !query.isEmpty()) {
            text.append('?').append(query);
        }
        if (fragment != null && !fragment.isEmpty()) {
            text.append('#').append(fragment);
        }
        return text.toString();
    }
}
