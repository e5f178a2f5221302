package io.findingflow.api.resources;

import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Role;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.entities.EntityWrites;
import io.findingflow.api.findings.FindingQueries;
import io.findingflow.api.imports.ImportProducers;
import io.findingflow.api.imports.TestTypes;
import io.findingflow.api.members.MemberResources;
import io.findingflow.api.openapi.OpenApiController;
import io.findingflow.api.openapi.RouteTable;
import io.findingflow.api.users.UserProfileController;
import io.findingflow.api.users.UserResources;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DefectDojo resources beyond findings and imports, wired once: the entity-backed resources
 * (URL name → controller), test_imports, user_profile and the OpenAPI schema built from the route
 * table and the resources' field descriptions.
 */
public final class ResourceModule {

    /** The pseudo kind of test type references (the scan types the parsers support). */
    public static final String TEST_TYPE = "test_type";

    private final Map<String, ResourceController> controllers;
    private final TestImportController testImports;
    private final UserProfileController userProfile;
    private final RouteTable routes = new RouteTable();
    private final OpenApiController openApi;

    private ResourceModule(Map<String, ResourceController> controllers, TestImportController testImports,
            UserProfileController userProfile) {
        this.controllers = controllers;
        this.testImports = testImports;
        this.userProfile = userProfile;
        List<ResourceSpec> specs = controllers.values().stream().map(ResourceController::spec).toList();
        this.openApi = new OpenApiController(routes, specs);
    }

    public static ResourceModule create(Authenticator authenticator, Authorizer authorizer, EntityWrites writes,
            TestTypes testTypes, ClickHouseReader clickHouse, ImportProducers producers, FindingQueries findingQueries,
            io.findingflow.api.clickhouse.TableWatch findingsWatch, io.findingflow.api.clickhouse.TableWatch importsWatch) {
        EntityStore store = writes.store();
        FindingCascade findings = new FindingCascade(clickHouse, producers, findingQueries);
        Map<Long, String> testTypeNames = new HashMap<>();
        testTypes.all().forEach((name, id) -> testTypeNames.put(id, name));
        BodyValidator.References references = (kind, id) -> switch (kind) {
            case MemberResources.ROLE -> Role.byId(id) != null;
            case TEST_TYPE -> testTypeNames.containsKey(id);
            default -> store.get(kind, id).isPresent();
        };
        List<ResourceSpec> specs = List.of(
                Resources.PRODUCT_TYPES.withHooks(
                        EntityHooks.withMembers(writes, EntityKind.PRODUCT_TYPE_MEMBER, "product_type")),
                Resources.PRODUCTS.withHooks(EntityHooks.products(writes, new ActiveFindings(clickHouse, findingsWatch))),
                Resources.ENGAGEMENTS.withHooks(EntityHooks.engagements(store, findings)),
                Resources.TESTS.withHooks(EntityHooks.tests(store, testTypeNames, findings)),
                Resources.ENDPOINTS.withHooks(EntityHooks.endpoints()),
                UserResources.users(store),
                UserResources.globalRoles(),
                MemberResources.productTypeMembers(store),
                MemberResources.productMembers(store));
        Map<String, ResourceController> controllers = new LinkedHashMap<>();
        for (ResourceSpec spec : specs) {
            controllers.put(spec.path(), new ResourceController(spec, authenticator, authorizer, writes, references));
        }
        UserProfileController profile = new UserProfileController(authenticator, store, controllers.get("users"),
                controllers.get("global_roles"), controllers.get("product_type_members"),
                controllers.get("product_members"));
        return new ResourceModule(controllers,
                new TestImportController(authenticator, authorizer, store, clickHouse, importsWatch), profile);
    }

    /** URL name (e.g. "products") → controller, in DefectDojo's order. */
    public Map<String, ResourceController> controllers() {
        return controllers;
    }

    public TestImportController testImports() {
        return testImports;
    }

    public UserProfileController userProfile() {
        return userProfile;
    }

    /** Collects the app's routes as they are registered (see ApiServer). */
    public RouteTable routes() {
        return routes;
    }

    public OpenApiController openApi() {
        return openApi;
    }
}
