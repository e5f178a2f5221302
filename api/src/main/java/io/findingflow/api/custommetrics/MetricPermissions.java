package io.findingflow.api.custommetrics;

import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Role;

/**
 * Who may do what with custom metrics. Metrics are global (not per product), so DefectDojo's
 * global role decides: any authenticated user may read; posting data needs API_Importer (the role
 * DefectDojo gives automation) or more; creating a metric needs Writer; deleting one, which drops
 * its data from reads, needs Maintainer. Superusers may do everything.
 */
public final class MetricPermissions {

    private final Authorizer authorizer;

    public MetricPermissions(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    public void requirePost(Caller caller) {
        require(caller, Role.API_IMPORTER);
    }

    public void requireCreate(Caller caller) {
        require(caller, Role.WRITER);
    }

    public void requireDelete(Caller caller) {
        require(caller, Role.MAINTAINER);
    }

    /** Whether the caller is a superuser or holds at least {@code needed} globally. */
    public boolean allows(Caller caller, Role needed) {
        return authorizer.globalRole(caller).filter(role -> role.atLeast(needed)).isPresent();
    }

    private void require(Caller caller, Role needed) {
        if (!allows(caller, needed)) {
            throw TcResponses.forbidden();
        }
    }
}
