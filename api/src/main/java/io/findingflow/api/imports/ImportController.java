package io.findingflow.api.imports;

import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.observability.ApiMetrics;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;

/** HTTP for {@code POST /api/v2/import-scan/} and {@code /api/v2/reimport-scan/}. */
public final class ImportController {

    private final Authenticator authenticator;
    private final ImportService service;
    private final long maxUploadBytes;
    private final ApiMetrics metrics;

    public ImportController(Authenticator authenticator, ImportService service, long maxUploadBytes,
            ApiMetrics metrics) {
        this.authenticator = authenticator;
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
        this.metrics = metrics;
    }

    public void importScan(Context ctx) throws Exception {
        handle(ctx, false);
    }

    public void reimportScan(Context ctx) throws Exception {
        handle(ctx, true);
    }

    private static int findingsIn(java.util.Map<String, Object> response) {
        Object statistics = response.get("statistics");
        if (statistics instanceof com.fasterxml.jackson.databind.JsonNode node) {
            com.fasterxml.jackson.databind.JsonNode total = node.path("delta").path("created").path("total").path("total");
            return total.isMissingNode() ? node.path("after").path("total").path("total").asInt() : total.asInt();
        }
        return 0;
    }

    private void handle(Context ctx, boolean reimport) throws Exception {
        var caller = authenticator.authenticate(ctx);
        ImportRequest request = ImportRequest.from(ctx, reimport);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw ApiException.field("file", "No file was submitted.");
        }
        if (file.size() > maxUploadBytes) {
            throw ApiException.field("file", "Report file is too large. Maximum supported size is "
                    + (maxUploadBytes / (1024 * 1024)) + " MB");
        }
        long started = System.nanoTime();
        try (InputStream report = file.content()) {
            java.util.Map<String, Object> response = service.importScan(caller, request, report);
            ctx.status(201).json(response);
            metrics.imported(reimport, findingsIn(response), (System.nanoTime() - started) / 1e9);
        }
    }
}
