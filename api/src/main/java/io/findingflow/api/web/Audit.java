package io.findingflow.api.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One structured (JSON) line on the slf4j logger "audit" per login, failed login, logout, token reset. */
final class Audit {

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    private Audit() {}

    static void event(String event, String username, Long userId, String ip, String via) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("event", event);
        line.put("user", username == null ? "" : username);
        if (userId != null) {
            line.put("user_id", userId);
        }
        line.put("ip", ip);
        line.put("via", via);
        AUDIT.info("{}", line);
    }
}
