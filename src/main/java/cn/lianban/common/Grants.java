package cn.lianban.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Service;

import cn.lianban.directory.SystemCalls;

/**
 * Idempotent GRANT authorizations for groups. Grants are written by the system, not by whoever
 * happens to be logged in when a process step runs, so the current authentication is lifted for
 * the write and put back afterwards.
 */
@Service
public class Grants {

    private final AuthorizationService authorizations;
    private final IdentityService identity;

    public Grants(AuthorizationService authorizations, IdentityService identity) {
        this.authorizations = authorizations;
        this.identity = identity;
    }

    /** Makes sure {@code group} holds at least {@code permissions} on the resource; true if something changed. */
    public boolean grant(String group, Resource resource, String resourceId, Permission... permissions) {
        return asSystem(() -> {
            Authorization held = authorizations.createAuthorizationQuery()
                    .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream()
                    .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT).findFirst().orElse(null);
            return save(held, group, resource, resourceId, permissions);
        });
    }

    /**
     * The same for several groups and resource types of one resource id (opening a case to its units), with one
     * query for all that they hold already instead of one per group and type: a new case holds nothing, so opening
     * it costs that query and the inserts.
     */
    public void grantEach(Collection<String> groups, String resourceId, Map<Resource, Permission> permissions) {
        if (groups.isEmpty()) {
            return;
        }
        asSystem(() -> {
            Map<String, Authorization> held = new HashMap<>();
            authorizations.createAuthorizationQuery().groupIdIn(groups.toArray(String[]::new)).resourceId(resourceId)
                    .list().stream().filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                    .forEach(a -> held.putIfAbsent(a.getGroupId() + " " + a.getResourceType(), a));
            for (String group : new LinkedHashSet<>(groups)) {
                permissions.forEach((resource, permission) -> save(held.get(group + " " + resource.resourceType()),
                        group, resource, resourceId, permission));
            }
            return null;
        });
    }

    /** Adds what {@code held} (null: no grant yet) lacks of {@code permissions}; true if something changed. */
    private boolean save(Authorization held, String group, Resource resource, String resourceId,
            Permission... permissions) {
        Authorization auth = held == null ? authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT) : held;
        boolean changed = held == null;
        auth.setResource(resource); // permissions are checked against the resource type
        for (Permission p : permissions) {
            if (!auth.isPermissionGranted(p)) {
                auth.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            auth.setGroupId(group);
            auth.setResourceId(resourceId);
            authorizations.saveAuthorization(auth);
        }
        return changed;
    }

    /** Runs engine calls with no current authentication, i.e. without authorization checks. */
    public <T> T asSystem(Supplier<T> work) {
        return asSystem(identity, work);
    }

    /**
     * The same for code that has an engine's identity service but no Spring bean at hand (JAX-RS providers
     * of the engine's REST API): the caller's authentication is lifted for the work and put back afterwards.
     */
    public static <T> T asSystem(IdentityService identity, Supplier<T> work) {
        return SystemCalls.run(identity, work);
    }

    /**
     * The person whose authentication {@link #asSystem} lifted for the work running now (e.g. a committee member's
     * 挂账 from the case page, which the engine carries out as the system); null outside such work. The audit trail
     * names them, not the system.
     */
    public static String liftedUser() {
        return SystemCalls.liftedUser();
    }
}
