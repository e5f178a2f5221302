package io.findingflow.api.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.resources.ResourceSpec;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code /api/v2/oa3/schema/} (OpenAPI 3 JSON, also with {@code ?format=json}) and
 * {@code /api/v2/oa3/swagger-ui/}: Swagger UI served from the {@code org.webjars:swagger-ui} jar on
 * the classpath under {@code /static/swagger-ui/}, so it works without internet access.
 */
public final class OpenApiController {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of("js", "application/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "png", "image/png", "html", "text/html; charset=utf-8",
            "map", "application/json");

    private final RouteTable routes;
    private final List<ResourceSpec> specs;
    private volatile ObjectNode document;

    public OpenApiController(RouteTable routes, List<ResourceSpec> specs) {
        this.routes = routes;
        this.specs = specs;
    }

    /** The document, built once from the complete route table on first use. */
    public ObjectNode document() {
        ObjectNode built = document;
        if (built == null) {
            built = new OpenApiDocument(specs).build(routes.routes());
            document = built;
        }
        return built;
    }

    public void schema(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.isEmpty() && !format.equals("json") && !format.equals("openapi-json")) {
            throw ApiException.notFound("format");
        }
        ctx.contentType("application/vnd.oai.openapi+json").result(document().toString());
    }

    public void swaggerUi(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>FindingFlow API v2 — Swagger UI</title>
                  <link rel="stylesheet" href="/static/swagger-ui/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="/static/swagger-ui/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({
                      url: "/api/v2/oa3/schema/?format=json",
                      dom_id: "#swagger-ui",
                      deepLinking: true,
                      persistAuthorization: true
                    });
                  </script>
                </body>
                </html>
                """);
    }

    /** GET /static/swagger-ui/{file}: a file of the swagger-ui webjar. */
    public void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String version = webjarVersion();
        if (!ASSET.matcher(file).matches() || version == null) {
            throw ApiException.notFound("file");
        }
        InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + file);
        if (in == null) {
            throw ApiException.notFound("file");
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Cache-Control", "max-age=86400");
        ctx.contentType(TYPES.getOrDefault(extension, "application/octet-stream")).result(in);
    }

    private static String webjarVersion() throws IOException {
        try (InputStream in = OpenApiController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p.getProperty("version");
        }
    }
}
