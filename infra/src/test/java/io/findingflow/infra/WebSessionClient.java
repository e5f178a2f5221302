package io.findingflow.infra;

import io.findingflow.schemas.testing.StackClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client for the web login pages, as a browser without JavaScript would use them. */
final class WebSessionClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]*)\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    WebSessionClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Another process of the same stack, sharing this client's cookies (as a browser does across ports on one host). */
    WebSessionClient on(String otherBaseUrl) {
        WebSessionClient other = new WebSessionClient(otherBaseUrl);
        other.cookies.putAll(cookies);
        return other;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    StackClient.Response send(String method, String path, Map<String, String> headers, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(1));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            if (setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, pair.substring(eq + 1));
            }
        }
        return new StackClient.Response(response.statusCode(), response.body(), response.headers().map());
    }

    StackClient.Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, Map.of(), null, null);
    }

    StackClient.Response postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send("POST", path, Map.of(), "application/x-www-form-urlencoded", body);
    }

    /** Opens the login page and posts the form; answers the POST's response. */
    StackClient.Response logIn(String username, String password, String next) throws IOException, InterruptedException {
        StackClient.Response page = get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        if (page.status() != 200) {
            throw new IllegalStateException("login page answered " + page.status() + ": " + page.body());
        }
        return postForm("/login", Map.of("username", username, "password", password, "next", next,
                "csrfmiddlewaretoken", csrfField(page.body())));
    }

    static String csrfField(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field in " + html);
        }
        return m.group(1);
    }

    /** A superuser with a password, created by the admin (so tests do not reset the admin's token or sessions). */
    static String createSuperuser(StackClient stack, String prefix, String password) throws IOException, InterruptedException {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        StackClient.Response created = stack.postJson("/api/v2/users/", stack.adminToken(),
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"is_superuser\":true}");
        if (created.status() != 201) {
            throw new IllegalStateException("user not created: " + created.status() + " " + created.body());
        }
        return username;
    }

    static List<String> setCookies(StackClient.Response response) {
        return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).toList();
    }
}
