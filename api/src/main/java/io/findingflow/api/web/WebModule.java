package io.findingflow.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Tokens;
import io.findingflow.api.auth.UserAccounts;
import io.findingflow.api.custommetrics.TcResponses;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityWrites;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.RequestBodies;
import io.findingflow.schemas.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Web login and sessions (issue 9): {@code /login}, {@code /logout}, {@code /api/key-v2}; signed
 * session cookies any API process can check; session authentication for browser calls to
 * {@code /api/v2/...} with CSRF on non-GET methods; the DD_API_TOKENS_ENABLED and
 * DD_API_TOKEN_AUTH_ENDPOINT_ENABLED switches; brute-force limits on both login paths; audit lines.
 */
public final class WebModule {

    static final String SESSION_COOKIE = "sessionid";
    static final String CSRF_COOKIE = "csrftoken";
    static final String LOGIN_CSRF_COOKIE = "ff_login_csrf";
    static final String CSRF_FIELD = "csrfmiddlewaretoken";
    static final String CSRF_HEADER = "X-CSRFToken";
    static final String DEFAULT_NEXT = "/metrics/simple";
    static final String TOKEN_AUTH_PATH = "/api/v2/api-token-auth/";
    static final String BAD_LOGIN = "Unable to log in with provided credentials.";
    static final Map<String, String> TOO_MANY = Map.of("detail", "Too many failed login attempts. Try again later.");
    static final Map<String, String> CSRF_MISSING = Map.of("detail", "CSRF Failed: CSRF token missing.");
    static final Map<String, String> CSRF_INCORRECT = Map.of("detail", "CSRF Failed: CSRF token incorrect.");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String ATTR_USERNAME = "ff.web.login.username";
    private static final String ATTR_CHECKED = "ff.web.login.checked";

    private record Authed(SessionCookies.Session session, Entity user) {}

    private final WebConfig config;
    private final SessionCookies cookies;
    private final UserAccounts accounts;
    private final Tokens tokens;
    private final EntityWrites writes;
    private final LoginLimiter limiter;
    private final WebPages pages = new WebPages();

    public WebModule(WebConfig config, String secret, UserAccounts accounts, Tokens tokens, EntityWrites writes) {
        this.config = config;
        this.cookies = new SessionCookies(secret);
        this.accounts = accounts;
        this.tokens = tokens;
        this.writes = writes;
        this.limiter = new LoginLimiter(config.failuresPerIp(), config.failuresPerUser(), config.failureWindow());
    }

    /** Registers the pages and the before/after steps; call after ApiServer.create, before start. */
    public void install(Javalin app) {
        app.before("/api/v2/*", this::apiAuthentication);
        app.after(TOKEN_AUTH_PATH, this::afterTokenAuth);
        app.before("/v2/*", this::threatConnectTokens);
        app.before("/metrics/simple", this::requireSessionPage);
        app.get("/login", this::loginPage);
        app.post("/login", this::login);
        app.post("/logout", this::logout);
        app.get("/api/key-v2", this::apiKeyPage);
        app.post("/api/key-v2", this::regenerateToken);
    }

    // ---- /api/v2: sessions, CSRF, token switches -------------------------------------------------

    private void apiAuthentication(Context ctx) {
        if (ctx.path().equals(TOKEN_AUTH_PATH)) {
            tokenAuthGate(ctx);
            return;
        }
        String header = ctx.header("Authorization");
        boolean hasHeader = header != null && !header.isBlank();
        if (hasHeader && config.tokensEnabled()) {
            return; // token authentication, as before; no CSRF (as DRF)
        }
        Optional<Authed> authed = session(ctx);
        if (authed.isEmpty()) {
            if (hasHeader) {
                throw ApiException.notAuthenticated(); // tokens are disabled: the header counts for nothing
            }
            return;
        }
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            requireCsrf(ctx, authed.get().session());
        }
        Authenticator.remember(ctx, new Caller(authed.get().user()));
    }

    private void tokenAuthGate(Context ctx) {
        if (!config.tokensEnabled() || !config.tokenAuthEndpointEnabled()) {
            throw new ApiException(404, Map.of("detail", "Not found."));
        }
        if (!ctx.method().name().equals("POST")) {
            return;
        }
        String username = null;
        String password = null;
        if (RequestBodies.isForm(ctx)) {
            username = ctx.formParam("username");
            password = ctx.formParam("password");
        } else {
            try {
                JsonNode body = Json.mapper().readTree(ctx.body());
                if (body != null && body.isObject()) {
                    username = body.hasNonNull("username") ? body.get("username").asText() : null;
                    password = body.hasNonNull("password") ? body.get("password").asText() : null;
                }
            } catch (java.io.IOException malformed) {
                return; // the controller answers with the malformed-JSON body
            }
        }
        if (limiter.blocked(ctx.ip(), username, System.nanoTime())) {
            Audit.event("login_blocked", username, null, ctx.ip(), "api-token-auth");
            tooMany(ctx);
        }
        if (username != null && !username.isEmpty() && password != null && !password.isEmpty()) {
            ctx.attribute(ATTR_USERNAME, username);
        }
    }

    private void afterTokenAuth(Context ctx) {
        String username = ctx.attribute(ATTR_USERNAME);
        if (username == null || !ctx.method().name().equals("POST")) {
            return;
        }
        if (ctx.status().getCode() == 200) {
            Audit.event("login", username, null, ctx.ip(), "api-token-auth");
        } else if (ctx.status().getCode() == 400) {
            limiter.failed(ctx.ip(), username, System.nanoTime());
            Audit.event("login_failed", username, null, ctx.ip(), "api-token-auth");
        }
    }

    /** ThreatConnect paths accept DefectDojo tokens too; with tokens disabled they do not. */
    private void threatConnectTokens(Context ctx) {
        String header = ctx.header("Authorization");
        if (config.tokensEnabled() || header == null) {
            return;
        }
        String scheme = header.strip().split("\\s+")[0];
        if (scheme.equalsIgnoreCase("Token") || scheme.equalsIgnoreCase("TC-Token")) {
            throw TcResponses.failure(401, "Unauthorized");
        }
    }

    private void requireCsrf(Context ctx, SessionCookies.Session session) {
        String candidate = ctx.header(CSRF_HEADER);
        if ((candidate == null || candidate.isBlank()) && RequestBodies.isForm(ctx)) {
            candidate = ctx.formParam(CSRF_FIELD);
        }
        if (candidate == null || candidate.isBlank()) {
            throw new ApiException(403, CSRF_MISSING);
        }
        if (!cookies.csrfMatches(session, candidate)) {
            throw new ApiException(403, CSRF_INCORRECT);
        }
    }

    /** The request's valid session: good signature, not expired, current generation, active user. */
    private Optional<Authed> session(Context ctx) {
        Optional<SessionCookies.Session> parsed = cookies.verify(ctx.cookie(SESSION_COOKIE), Instant.now());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SessionCookies.Session session = parsed.get();
        Optional<Entity> user = writes.store().get(EntityKind.USER, session.userId());
        if (user.isEmpty() || generation(user.get(), "session_generation") < session.generation()) {
            writes.sync(); // issued a moment ago through another process that has applied more of the log
            user = writes.store().get(EntityKind.USER, session.userId());
        }
        if (user.isEmpty() || generation(user.get(), "session_generation") != session.generation()
                || !user.get().data().path("is_active").asBoolean(true)) {
            return Optional.empty();
        }
        return Optional.of(new Authed(session, user.get()));
    }

    private static long generation(Entity user, String field) {
        return user.data().path(field).asLong(0);
    }

    private void tooMany(Context ctx) {
        ctx.header("Retry-After", String.valueOf(config.failureWindow().toSeconds()));
        throw new ApiException(429, TOO_MANY);
    }

    // ---- pages ------------------------------------------------------------------------------------

    private void requireSessionPage(Context ctx) {
        if (session(ctx).isEmpty()) {
            String query = ctx.queryString();
            redirect(ctx, 302, loginUrl(ctx.path() + (query == null ? "" : "?" + query)));
            ctx.skipRemainingHandlers();
        }
    }

    private static String loginUrl(String next) {
        return "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    private void loginPage(Context ctx) {
        String next = safeNext(ctx.queryParam("next"));
        if (session(ctx).isPresent()) {
            redirect(ctx, 302, next);
            return;
        }
        renderLogin(ctx, 200, next, "", "");
    }

    private void renderLogin(Context ctx, int status, String next, String username, String error) {
        String csrf = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (csrf == null || !csrf.matches("[0-9a-f]{48}")) {
            csrf = SessionCookies.randomToken();
            setCookie(ctx, LOGIN_CSRF_COOKIE, csrf, "/login", -1, true, "Strict");
        }
        pages.login(ctx, status, Map.of("next", next, "csrf", csrf, "username", username, "error", error,
                "state", error.isEmpty() ? "idle" : "error"));
    }

    private void login(Context ctx) {
        String ip = ctx.ip();
        String username = orEmpty(ctx.formParam("username"));
        String password = orEmpty(ctx.formParam("password"));
        String next = safeNext(ctx.formParam("next"));
        String expected = ctx.cookie(LOGIN_CSRF_COOKIE);
        String given = ctx.formParam(CSRF_FIELD);
        if (given == null || given.isBlank()) {
            throw new ApiException(403, CSRF_MISSING);
        }
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, CSRF_INCORRECT);
        }
        if (limiter.blocked(ip, username, System.nanoTime())) {
            Audit.event("login_blocked", username, null, ip, "form");
            tooMany(ctx);
        }
        Optional<Entity> user = username.isEmpty() || password.isEmpty() ? Optional.empty()
                : accounts.login(username, password);
        if (user.isEmpty()) {
            limiter.failed(ip, username, System.nanoTime());
            Audit.event("login_failed", username, null, ip, "form");
            renderLogin(ctx, 200, next, username, BAD_LOGIN);
            return;
        }
        Entity who = user.get();
        Instant expires = Instant.now().plus(config.sessionAge());
        String cookie = cookies.issue(who.id(), generation(who, "session_generation"), expires);
        SessionCookies.Session session = cookies.verify(cookie, Instant.now()).orElseThrow();
        int maxAge = (int) Math.min(Integer.MAX_VALUE, config.sessionAge().toSeconds());
        setCookie(ctx, SESSION_COOKIE, cookie, "/", maxAge, true, "Lax");
        setCookie(ctx, CSRF_COOKIE, cookies.csrfToken(session), "/", maxAge, false, "Strict");
        setCookie(ctx, LOGIN_CSRF_COOKIE, "", "/login", 0, true, "Strict");
        Audit.event("login", who.text("username"), who.id(), ip, "form");
        redirect(ctx, 302, next);
    }

    private void logout(Context ctx) {
        Optional<Authed> authed = session(ctx);
        if (authed.isPresent()) {
            requireCsrf(ctx, authed.get().session());
            Entity user = authed.get().user();
            writeAuthState(user, generation(user, "session_generation") + 1, null);
            Audit.event("logout", user.text("username"), user.id(), ctx.ip(), "form");
        }
        setCookie(ctx, SESSION_COOKIE, "", "/", 0, true, "Lax");
        setCookie(ctx, CSRF_COOKIE, "", "/", 0, false, "Strict");
        redirect(ctx, 302, "/login");
    }

    private void apiKeyPage(Context ctx) throws Exception {
        Optional<Authed> authed = session(ctx);
        if (authed.isEmpty()) {
            redirect(ctx, 302, loginUrl("/api/key-v2"));
            return;
        }
        Entity user = authed.get().user();
        String token = config.tokensEnabled() ? accounts.tokenFor(user) : "";
        pages.apiKey(ctx, Map.of("username", user.text("username"), "token", token,
                "csrf", cookies.csrfToken(authed.get().session()),
                "tokens", config.tokensEnabled() ? "enabled" : "disabled"));
    }

    private void regenerateToken(Context ctx) {
        Optional<Authed> authed = session(ctx);
        if (authed.isEmpty()) {
            throw ApiException.notAuthenticated();
        }
        requireCsrf(ctx, authed.get().session());
        if (!config.tokensEnabled()) {
            throw new ApiException(404, Map.of("detail", "Not found."));
        }
        Entity user = authed.get().user();
        long next = generation(user, "token_generation") + 1;
        writeAuthState(user, generation(user, "session_generation"), next);
        Audit.event("token_reset", user.text("username"), user.id(), ctx.ip(), "key-v2");
        redirect(ctx, 303, "/api/key-v2");
    }

    /**
     * One update with all of the user's authentication state (session and token generations and the
     * token hash), so a compacted entities log keeps them together whichever update survives.
     */
    private void writeAuthState(Entity user, long sessionGeneration, Long tokenGeneration) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("session_generation", sessionGeneration);
        long tokenGen = tokenGeneration != null ? tokenGeneration : generation(user, "token_generation");
        if (tokenGen > 0) {
            data.put("token_generation", tokenGen);
            data.put("token_hash", Tokens.hash(tokens.token(user.id(), tokenGen)));
        }
        writes.update(EntityKind.USER, user.id(), data);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Only local absolute paths: no scheme, no "//host", no backslashes or control characters. */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || !next.startsWith("/") || next.startsWith("//")
                || next.length() > 2000 || next.startsWith("/login") || next.startsWith("/logout")) {
            return DEFAULT_NEXT;
        }
        for (char c : next.toCharArray()) {
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return DEFAULT_NEXT;
            }
        }
        return next;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void redirect(Context ctx, int status, String location) {
        ctx.header("Location", location);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        ctx.result("");
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(orEmpty(ctx.header("X-Forwarded-Proto")).split(",")[0].trim());
    }

    private static void setCookie(Context ctx, String name, String value, String path, int maxAge,
            boolean httpOnly, String sameSite) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=").append(path);
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (httpOnly) {
            cookie.append("; HttpOnly");
        }
        cookie.append("; SameSite=").append(sameSite);
        if (secure(ctx)) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }
}
