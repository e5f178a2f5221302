package io.findingflow.api.resources;

import static io.findingflow.api.resources.Field.bool;
import static io.findingflow.api.resources.Field.choice;
import static io.findingflow.api.resources.Field.of;
import static io.findingflow.api.resources.Field.readOnly;
import static io.findingflow.api.resources.Field.reference;
import static io.findingflow.api.resources.Field.string;
import static io.findingflow.api.resources.Field.tags;
import static io.findingflow.api.resources.FilterSpec.flag;
import static io.findingflow.api.resources.FilterSpec.oneOf;
import static io.findingflow.api.resources.FilterSpec.contains;
import static io.findingflow.api.resources.FilterSpec.exact;
import static io.findingflow.api.resources.FilterSpec.icontains;
import static io.findingflow.api.resources.FilterSpec.number;

import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.EntityKind;
import java.util.List;

/**
 * The field descriptions of the entity-backed resources: DefectDojo's serializer fields (names,
 * types, required, choices), seed 002's filters and the orderings {@code o=} accepts. Hooks with
 * behaviour are attached in {@link ResourceModule}.
 */
public final class Resources {

    public static final List<String> BUSINESS_CRITICALITY = List.of("very high", "high", "medium", "low", "very low", "none");
    public static final List<String> PLATFORM = List.of("web service", "desktop", "iot", "mobile", "web");
    public static final List<String> LIFECYCLE = List.of("construction", "production", "retirement");
    public static final List<String> ORIGIN = List.of("third party library", "purchased", "contractor", "internal",
            "open source", "outsourced");
    public static final List<String> ENGAGEMENT_TYPE = List.of("Interactive", "CI/CD");
    public static final List<String> ENGAGEMENT_STATUS = List.of("Not Started", "Blocked", "Cancelled", "Completed",
            "In Progress", "On Hold", "Scheduled", "Waiting for Resource");

    static final ResourceSpec PRODUCT_TYPES = new ResourceSpec("product_types", EntityKind.PRODUCT_TYPE, "Product_Type",
            List.of(string("name", 255).asRequired(), string("description", 4000), bool("critical_product", false),
                    bool("key_product", false), readOnly("updated", FieldType.DATETIME),
                    readOnly("created", FieldType.DATETIME), readOnly("members", FieldType.ID_LIST),
                    readOnly("authorization_groups", FieldType.ID_LIST)),
            List.of(number("id"), exact("name"), contains("name"), icontains("name"), flag("critical_product"),
                    flag("key_product")),
            List.of("id", "name", "created", "updated", "critical_product", "key_product"),
            Scope.PRODUCT_TYPE, Role.MAINTAINER, Role.MAINTAINER, Role.OWNER, false, ResourceHooks.NONE);

    static final ResourceSpec PRODUCTS = new ResourceSpec("products", EntityKind.PRODUCT, "Product",
            List.of(readOnly("findings_count", FieldType.INTEGER), readOnly("findings_list", FieldType.ID_LIST),
                    tags(), readOnly("product_meta", FieldType.ID_LIST), string("name", 255).asRequired(),
                    string("description", 4000), readOnly("created", FieldType.DATETIME),
                    of("prod_numeric_grade", FieldType.INTEGER), choice("business_criticality", BUSINESS_CRITICALITY),
                    choice("platform", PLATFORM), choice("lifecycle", LIFECYCLE), choice("origin", ORIGIN),
                    of("user_records", FieldType.INTEGER), bool("external_audience", false),
                    bool("internet_accessible", false), bool("enable_product_tag_inheritance", false),
                    bool("enable_simple_risk_acceptance", false), bool("enable_full_risk_acceptance", true),
                    bool("disable_sla_breach_notifications", false),
                    reference("product_manager", EntityKind.USER, "Dojo_User"),
                    reference("technical_contact", EntityKind.USER, "Dojo_User"),
                    reference("team_manager", EntityKind.USER, "Dojo_User"),
                    reference("prod_type", EntityKind.PRODUCT_TYPE, "Product_Type").asRequired(),
                    of("sla_configuration", FieldType.INTEGER).notNull().withDefault(
                            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(1)),
                    readOnly("members", FieldType.ID_LIST), readOnly("authorization_groups", FieldType.ID_LIST),
                    readOnly("regulations", FieldType.ID_LIST)),
            withTags(number("id"), exact("name"), contains("name"), icontains("name"), number("prod_type"),
                    oneOf("business_criticality", BUSINESS_CRITICALITY), oneOf("platform", PLATFORM),
                    oneOf("lifecycle", LIFECYCLE), oneOf("origin", ORIGIN), flag("external_audience"),
                    flag("internet_accessible")),
            List.of("id", "name", "prod_type", "created", "business_criticality", "platform", "lifecycle", "origin",
                    "external_audience", "internet_accessible"),
            Scope.PRODUCT, Role.MAINTAINER, Role.MAINTAINER, Role.OWNER, false, ResourceHooks.NONE);

    static final ResourceSpec ENGAGEMENTS = new ResourceSpec("engagements", EntityKind.ENGAGEMENT, "Engagement",
            List.of(tags(), string("name", 300).asRequired(), string("description", 2000), string("version", 100),
                    of("first_contacted", FieldType.DATE), of("target_start", FieldType.DATE).asRequired(),
                    of("target_end", FieldType.DATE).asRequired(), string("reason", 2000), string("tracker", 200),
                    string("test_strategy", 200), bool("threat_model", true), bool("api_test", true),
                    bool("pen_test", true), bool("check_list", true),
                    choice("status", ENGAGEMENT_STATUS).withDefault("Not Started"),
                    string("progress", 100).withDefault("threat_model"), string("tmodel_path", 1000).withDefault("none"),
                    bool("done_testing", false), choice("engagement_type", ENGAGEMENT_TYPE).withDefault("Interactive"),
                    string("build_id", 150), string("commit_hash", 150), string("branch_tag", 150),
                    string("source_code_management_uri", 600), bool("deduplication_on_engagement", false),
                    reference("lead", EntityKind.USER, "Dojo_User"), of("requester", FieldType.INTEGER),
                    of("preset", FieldType.INTEGER), of("report_type", FieldType.INTEGER),
                    reference("product", EntityKind.PRODUCT, "Product").asRequired(),
                    of("build_server", FieldType.INTEGER), of("source_code_management_server", FieldType.INTEGER),
                    of("orchestration_engine", FieldType.INTEGER), readOnly("notes", FieldType.ID_LIST),
                    readOnly("files", FieldType.ID_LIST), readOnly("risk_acceptance", FieldType.ID_LIST),
                    readOnly("updated", FieldType.DATETIME), readOnly("created", FieldType.DATETIME),
                    readOnly("active", FieldType.BOOLEAN)),
            withTags(number("id"), exact("name"), contains("name"), icontains("name"), number("product"),
                    number("product__prod_type"), oneOf("engagement_type", ENGAGEMENT_TYPE),
                    oneOf("status", ENGAGEMENT_STATUS), flag("active"), number("lead"), exact("version"),
                    exact("build_id"), exact("commit_hash"), exact("branch_tag")),
            List.of("id", "name", "product", "target_start", "target_end", "status", "engagement_type", "created",
                    "updated", "lead", "version"),
            Scope.IN_PRODUCT, Role.API_IMPORTER, Role.API_IMPORTER, Role.MAINTAINER, false, ResourceHooks.NONE);

    static final ResourceSpec TESTS = new ResourceSpec("tests", EntityKind.TEST, "Test",
            List.of(reference("engagement", EntityKind.ENGAGEMENT, "Engagement").asRequired(), tags(),
                    readOnly("test_type_name", FieldType.STRING), readOnly("finding_groups", FieldType.ID_LIST),
                    string("title", 255), string("description", 0), of("target_start", FieldType.DATETIME).asRequired(),
                    of("target_end", FieldType.DATETIME).asRequired(), of("estimated_time", FieldType.STRING),
                    of("actual_time", FieldType.STRING), of("percent_complete", FieldType.INTEGER),
                    readOnly("updated", FieldType.DATETIME), readOnly("created", FieldType.DATETIME),
                    string("version", 100), string("build_id", 150), string("commit_hash", 150),
                    string("branch_tag", 150), of("api_scan_configuration", FieldType.INTEGER),
                    string("environment", 200), reference("lead", EntityKind.USER, "Dojo_User"),
                    reference("test_type", ResourceModule.TEST_TYPE, "Test_Type").asRequired(),
                    readOnly("scan_type", FieldType.STRING), readOnly("notes", FieldType.ID_LIST),
                    readOnly("files", FieldType.ID_LIST)),
            withTags(number("id"), number("engagement"), number("engagement__product"), number("test_type"),
                    exact("title"), contains("title"), icontains("title"), exact("scan_type"), exact("version"),
                    exact("build_id"), exact("commit_hash"), exact("branch_tag")),
            List.of("id", "title", "engagement", "test_type", "target_start", "target_end", "created", "updated",
                    "version"),
            Scope.IN_ENGAGEMENT, Role.WRITER, Role.API_IMPORTER, Role.MAINTAINER, false, ResourceHooks.NONE);

    static final ResourceSpec ENDPOINTS = new ResourceSpec("endpoints", EntityKind.ENDPOINT, "Endpoint",
            List.of(tags(), string("protocol", 20), string("userinfo", 500), string("host", 500),
                    of("port", FieldType.INTEGER), string("path", 500), string("query", 1000), string("fragment", 500),
                    reference("product", EntityKind.PRODUCT, "Product"), readOnly("endpoint_params", FieldType.ID_LIST),
                    readOnly("findings", FieldType.ID_LIST)),
            withTags(number("id"), number("product"), exact("host"), contains("host"), icontains("host"),
                    exact("protocol"), number("port"), exact("path"), exact("query"), exact("fragment"),
                    exact("userinfo")),
            List.of("id", "host", "protocol", "port", "path", "product"),
            Scope.IN_PRODUCT, Role.WRITER, Role.WRITER, Role.MAINTAINER, false, ResourceHooks.NONE);

    private Resources() {}

    /** A resource's filters plus DefectDojo's tag filters (tags, tags__and, tag, not_tags, not_tag, has_tags). */
    private static List<FilterSpec> withTags(FilterSpec... filters) {
        List<FilterSpec> all = new java.util.ArrayList<>(List.of(filters));
        all.addAll(FilterSpec.tagFilters());
        return List.copyOf(all);
    }
}
