package io.findingflow.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.RequestBodies;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v2/api-token-auth/}: username + password → {"token"}. JSON or form bodies. */
public final class AuthController {

    private final UserAccounts accounts;

    public AuthController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public void tokenAuth(Context ctx) throws Exception {
        String username;
        String password;
        if (RequestBodies.isForm(ctx)) {
            username = ctx.formParam("username");
            password = ctx.formParam("password");
        } else {
            JsonNode body = RequestBodies.json(ctx);
            username = body.hasNonNull("username") ? body.get("username").asText() : null;
            password = body.hasNonNull("password") ? body.get("password").asText() : null;
        }
        Map<String, List<String>> missing = new java.util.LinkedHashMap<>();
        if (username == null || username.isEmpty()) {
            missing.put("username", List.of("This field is required."));
        }
        if (password == null || password.isEmpty()) {
            missing.put("password", List.of("This field is required."));
        }
        if (!missing.isEmpty()) {
            throw new ApiException(400, missing);
        }
        var user = accounts.login(username, password)
                .orElseThrow(() -> ApiException.field(
                        "non_field_errors", "Unable to log in with provided credentials."));
        ctx.json(Map.of("token", accounts.tokenFor(user)));
    }
}
