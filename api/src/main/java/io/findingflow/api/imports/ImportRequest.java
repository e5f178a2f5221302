package io.findingflow.api.imports;

import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Severity;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multipart fields of import-scan / reimport-scan, validated the way DefectDojo's serializer
 * does (booleans as true/false/True/False/1/0, dates as YYYY-MM-DD, choices checked).
 */
public record ImportRequest(
        boolean reimport,
        String scanType,
        Long engagement,
        Long test,
        String productTypeName,
        String productName,
        String engagementName,
        String testTitle,
        boolean autoCreateContext,
        Severity minimumSeverity,
        Boolean active,
        Boolean verified,
        String scanDate,
        Boolean closeOldFindings,
        boolean closeOldFindingsProductScope,
        boolean doNotReactivate,
        boolean deduplicationOnEngagement,
        String service,
        String version,
        String buildId,
        String commitHash,
        String branchTag,
        String environment,
        String engagementEndDate,
        List<String> tags,
        Map<String, Object> echo) {

    /** close_old_findings as sent, else DefectDojo's default: on for reimport-scan, off for import-scan. */
    public boolean closeOldFindingsOrDefault() {
        return closeOldFindings != null ? closeOldFindings : reimport;
    }

    public static ImportRequest from(Context ctx, boolean reimport) {
        Map<String, Object> echo = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        FormReader form = new FormReader(ctx, echo, errors);
        String scanType = form.text("scan_type");
        if (scanType == null) {
            errors.put("scan_type", List.of("This field is required."));
        }
        String minimum = form.text("minimum_severity");
        Severity minimumSeverity = minimum == null ? Severity.INFO : Severity.parseOrNull(minimum);
        if (minimum != null && (minimumSeverity == null || !minimumSeverity.label().equals(minimum))) {
            errors.put("minimum_severity", List.of("\"" + minimum + "\" is not a valid choice."));
        }
        echo.put("minimum_severity", minimumSeverity == null ? minimum : minimumSeverity.label());
        ImportRequest request = new ImportRequest(
                reimport,
                scanType,
                form.id("engagement"),
                form.id("test"),
                form.text("product_type_name"),
                form.text("product_name"),
                form.text("engagement_name"),
                form.text("test_title"),
                form.bool("auto_create_context", false),
                minimumSeverity,
                form.optionalBool("active"),
                form.optionalBool("verified"),
                form.date("scan_date"),
                form.optionalBool("close_old_findings"),
                form.bool("close_old_findings_product_scope", false),
                form.bool("do_not_reactivate", false),
                form.bool("deduplication_on_engagement", false),
                form.text("service"),
                form.text("version"),
                form.text("build_id"),
                form.text("commit_hash"),
                form.text("branch_tag"),
                form.text("environment"),
                form.date("engagement_end_date"),
                ctx.formParams("tags"),
                echo);
        echo.put("tags", request.tags());
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors);
        }
        return request;
    }

    /** Typed access to form fields; remembers each value for the response echo. */
    private static final class FormReader {
        private final Context ctx;
        private final Map<String, Object> echo;
        private final Map<String, List<String>> errors;

        FormReader(Context ctx, Map<String, Object> echo, Map<String, List<String>> errors) {
            this.ctx = ctx;
            this.echo = echo;
            this.errors = errors;
        }

        String text(String name) {
            String value = ctx.formParam(name);
            if (value != null && value.isEmpty()) {
                value = null;
            }
            echo.put(name, value);
            return value;
        }

        Long id(String name) {
            String value = ctx.formParam(name);
            if (value == null || value.isEmpty()) {
                echo.put(name, null);
                return null;
            }
            try {
                long id = Long.parseLong(value.trim());
                echo.put(name, id);
                return id;
            } catch (NumberFormatException e) {
                errors.put(name, List.of("Incorrect type. Expected pk value, received str."));
                return null;
            }
        }

        Boolean optionalBool(String name) {
            String value = ctx.formParam(name);
            if (value == null || value.isEmpty()) {
                echo.put(name, null);
                return null;
            }
            Boolean parsed = switch (value.trim()) {
                case "true", "True", "TRUE", "1", "on", "yes" -> true;
                case "false", "False", "FALSE", "0", "off", "no" -> false;
                default -> null;
            };
            if (parsed == null) {
                errors.put(name, List.of("Must be a valid boolean."));
            }
            echo.put(name, parsed);
            return parsed;
        }

        boolean bool(String name, boolean fallback) {
            Boolean value = optionalBool(name);
            if (value == null) {
                echo.put(name, fallback);
            }
            return value == null ? fallback : value;
        }

        String date(String name) {
            String value = ctx.formParam(name);
            if (value == null || value.isEmpty()) {
                echo.put(name, null);
                return null;
            }
            try {
                String date = LocalDate.parse(value.trim().length() > 10 ? value.trim().substring(0, 10) : value.trim()).toString();
                echo.put(name, date);
                return date;
            } catch (DateTimeParseException e) {
                errors.put(name, List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
                return null;
            }
        }
    }
}
