package io.findingflow.api.openapi;

import static io.findingflow.api.resources.Field.bool;
import static io.findingflow.api.resources.Field.choice;
import static io.findingflow.api.resources.Field.of;
import static io.findingflow.api.resources.Field.readOnly;
import static io.findingflow.api.resources.Field.reference;
import static io.findingflow.api.resources.Field.string;
import static io.findingflow.api.resources.Field.tags;
import static io.findingflow.api.resources.FilterSpec.flag;
import static io.findingflow.api.resources.FilterSpec.contains;
import static io.findingflow.api.resources.FilterSpec.exact;
import static io.findingflow.api.resources.FilterSpec.number;

import io.findingflow.api.auth.Role;
import io.findingflow.api.resources.Field;
import io.findingflow.api.resources.FieldType;
import io.findingflow.api.resources.FilterSpec;
import io.findingflow.api.resources.ResourceHooks;
import io.findingflow.api.resources.ResourceSpec;
import io.findingflow.api.resources.Scope;
import java.util.List;
import java.util.Map;

/**
 * Field descriptions, for the OpenAPI document, of the routes that are not entity resources:
 * findings (ClickHouse), test_imports, test_types, user_profile, import-scan and token auth.
 */
final class OtherResources {

    static final List<String> SEVERITIES = List.of("Critical", "High", "Medium", "Low", "Info");

    static final ResourceSpec FINDINGS = spec("findings", "Finding",
            List.of(tags(), string("title", 511).asRequired(), of("date", FieldType.DATE),
                    choice("severity", SEVERITIES).asRequired(), string("description", 0), string("mitigation", 0),
                    string("impact", 0), string("references", 0), of("cwe", FieldType.INTEGER),
                    readOnly("vulnerability_ids", FieldType.OBJECT), string("component_name", 500),
                    string("component_version", 100), string("file_path", 4000), of("line", FieldType.INTEGER),
                    string("unique_id_from_tool", 500), string("vuln_id_from_tool", 500),
                    readOnly("hash_code", FieldType.STRING), bool("active", true), bool("verified", false),
                    bool("false_p", false), bool("duplicate", false), readOnly("duplicate_finding", FieldType.INTEGER),
                    bool("out_of_scope", false), bool("risk_accepted", false), bool("is_mitigated", false),
                    of("mitigated", FieldType.DATETIME), readOnly("mitigated_by", FieldType.INTEGER),
                    reference("test", "test", "Test").asRequired(), readOnly("numerical_severity", FieldType.STRING),
                    bool("static_finding", false), bool("dynamic_finding", true),
                    readOnly("endpoints", FieldType.ID_LIST), readOnly("created", FieldType.DATETIME)),
            List.of(number("id"), number("test"), number("test__engagement"), number("test__engagement__product"),
                    FilterSpec.oneOf("severity", SEVERITIES), flag("active"), flag("verified"), flag("duplicate"),
                    flag("false_p"), flag("is_mitigated"), flag("out_of_scope"), flag("risk_accepted"), number("cwe"),
                    exact("title"), contains("title"), exact("hash_code"), exact("unique_id_from_tool"),
                    exact("component_name"), exact("file_path")),
            List.of("id", "date", "severity", "title", "created", "cwe", "test", "mitigated", "numerical_severity"));

    static final ResourceSpec TEST_IMPORTS = spec("test_imports", "Test_Import",
            List.of(readOnly("test_import_finding_action_set", FieldType.ID_LIST), readOnly("created", FieldType.DATETIME),
                    readOnly("modified", FieldType.DATETIME), readOnly("import_settings", FieldType.OBJECT),
                    readOnly("type", FieldType.STRING), readOnly("version", FieldType.STRING),
                    readOnly("build_id", FieldType.STRING), readOnly("commit_hash", FieldType.STRING),
                    readOnly("branch_tag", FieldType.STRING), readOnly("test", FieldType.REFERENCE),
                    readOnly("findings_affected", FieldType.ID_LIST), readOnly("statistics", FieldType.OBJECT)),
            List.of(number("id"), number("test"), exact("type")), List.of("id", "created", "test"));

    static final ResourceSpec TEST_TYPES = spec("test_types", "Test_Type",
            List.of(tags(), readOnly("name", FieldType.STRING), readOnly("static_tool", FieldType.BOOLEAN),
                    readOnly("dynamic_tool", FieldType.BOOLEAN), readOnly("active", FieldType.BOOLEAN),
                    readOnly("dynamically_generated", FieldType.BOOLEAN), readOnly("description", FieldType.STRING)),
            List.of(exact("name")), List.of());

    static final ResourceSpec USER_PROFILE = spec("user_profile", "UserProfile",
            List.of(readOnly("user", FieldType.OBJECT), readOnly("user_contact_info", FieldType.OBJECT),
                    readOnly("global_role", FieldType.OBJECT), readOnly("dojo_group_member", FieldType.ID_LIST),
                    readOnly("product_type_member", FieldType.ID_LIST), readOnly("product_member", FieldType.ID_LIST)),
            List.of(), List.of());

    /** Multipart fields of import-scan / reimport-scan (DESIGN §4). */
    static final List<Field> IMPORT_FORM = List.of(string("scan_type", 200).asRequired(),
            of("file", FieldType.STRING).asRequired(), of("engagement", FieldType.INTEGER), of("test", FieldType.INTEGER),
            string("product_type_name", 255), string("product_name", 255), string("engagement_name", 255),
            string("test_title", 255), choice("minimum_severity", SEVERITIES), of("active", FieldType.BOOLEAN),
            of("verified", FieldType.BOOLEAN), of("scan_date", FieldType.DATE), of("auto_create_context", FieldType.BOOLEAN),
            of("close_old_findings", FieldType.BOOLEAN), of("close_old_findings_product_scope", FieldType.BOOLEAN),
            of("do_not_reactivate", FieldType.BOOLEAN), of("deduplication_on_engagement", FieldType.BOOLEAN),
            string("service", 200), string("environment", 200), string("build_id", 150), string("commit_hash", 150),
            string("branch_tag", 150), string("version", 100), of("engagement_end_date", FieldType.DATE),
            of("push_to_jira", FieldType.BOOLEAN), tags());

    static final List<Field> TOKEN_AUTH = List.of(string("username", 150).asRequired(),
            of("password", FieldType.PASSWORD).asRequired());

    /** URL name → description, for the routes without an entity resource. */
    static final Map<String, ResourceSpec> BY_PATH = Map.of("findings", FINDINGS, "test_imports", TEST_IMPORTS,
            "test_types", TEST_TYPES, "user_profile", USER_PROFILE);

    private OtherResources() {}

    private static ResourceSpec spec(String path, String model, List<Field> fields, List<FilterSpec> filters,
            List<String> orderings) {
        return new ResourceSpec(path, path, model, fields, filters, orderings, Scope.GLOBAL, Role.OWNER, Role.OWNER,
                Role.OWNER, false, ResourceHooks.NONE);
    }
}
