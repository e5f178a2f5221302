package io.findingflow.api.custommetrics;

import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Role;

/**
 * Who may do what with custom metrics. Metrics are global (not per product), so DefectDojo's
 * global role decides: any authenticated user may read; posting data needs API_Importer (the role
 * DefectDojo gives automation) or more; creating a metric needs Writer; deleting one, which drops
 * its data, needs Maintainer. Superusers may do everything.
 */
public final class MetricPermissions {

    private MetricPermissions() {}

    public static void requirePost(Caller caller) {
        require(caller, Role.API_IMPORTER);
    }

    public static void requireCreate(Caller caller) {
        require(caller, Role.WRITER);
    }

    public static void requireDelete(Caller caller) {
        require(caller, Role.MAINTAINER);
    }

    /** Whether the caller is a superuser or holds at least {@code needed} globally. */
    public static boolean allows(Caller caller, Role needed) {
        if (caller.superuser()) {
            return true;
        }
        Role global = Role.byId(caller.user().data().path("global_role").asLong(0));
        return global != null && global.atLeast(needed);
    }

    private static void require(Caller caller, Role needed) {
        if (!allows(caller, needed)) {
            throw TcResponses.forbidden();
        }
    }
}
