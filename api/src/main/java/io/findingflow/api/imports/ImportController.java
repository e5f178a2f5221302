package io.findingflow.api.imports;

import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;

/** HTTP for {@code POST /api/v2/import-scan/} and {@code /api/v2/reimport-scan/}. */
public final class ImportController {

    private final Authenticator authenticator;
    private final ImportService service;
    private final long maxUploadBytes;

    public ImportController(Authenticator authenticator, ImportService service, long maxUploadBytes) {
        this.authenticator = authenticator;
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void importScan(Context ctx) throws Exception {
        handle(ctx, false);
    }

    public void reimportScan(Context ctx) throws Exception {
        handle(ctx, true);
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
        try (InputStream report = file.content()) {
            ctx.status(201).json(service.importScan(caller, request, report));
        }
    }
}
