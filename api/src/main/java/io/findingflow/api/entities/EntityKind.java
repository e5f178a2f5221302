package io.findingflow.api.entities;

/** Entity kinds of the entities log, named as DefectDojo's API resources. */
public final class EntityKind {
    public static final String USER = "user";
    public static final String PRODUCT_TYPE = "product_type";
    public static final String PRODUCT = "product";
    public static final String ENGAGEMENT = "engagement";
    public static final String TEST = "test";
    public static final String PRODUCT_TYPE_MEMBER = "product_type_member";
    public static final String PRODUCT_MEMBER = "product_member";
    public static final String ENDPOINT = "endpoint";
    /** A user's global role (at most one per user). */
    public static final String GLOBAL_ROLE = "global_role";
    /** A ThreatConnect custom metric config (unique name). */
    public static final String CUSTOM_METRIC = "custom_metric";
    /** A ThreatConnect access id of a user (the secret is derived, never stored). */
    public static final String TC_ACCESS_KEY = "tc_access_key";

    private EntityKind() {}
}
