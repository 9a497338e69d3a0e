package cn.lianban.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Two costs of Camunda's authorization checks that grow with the open tasks, removed without changing who sees
 * what (measured by bench TasklistBenchmark, bench/README.md):
 * <ul>
 * <li>Before every check Camunda narrows the user's groups to those that hold any authorization, and learns those by
 * reading every row of {@code ACT_RU_AUTHORIZATION} ({@code SELECT distinct GROUP_ID_}) once per command: 57 ms per
 * command at 830,000 grants, the biggest single cost of the Tasklist and of the REST lifecycles. Our users belong
 * to a handful of groups, so the narrowing saves nothing (a group without grants matches no row); the check gets
 * the groups as they are. Camunda has no switch for it (camunda-bpm-platform issue 5485); CIB seven added one
 * ({@code authGroupFilterThreshold}).</li>
 * <li>A task query that asks only for tasks offered to the user's own groups ({@link OwnGroupTasks}), as every
 * saved filter of a unit does, needs no check: Camunda grants each candidate group READ on its task when it offers
 * it, so the check can only confirm what the query already says. Left in, it probes the authorization table
 * three times for every task of the unit, which is 0.4 s to count a desk of 10,000 tasks.</li>
 * </ul>
 * Installed through the engine's extension point for custom sessions; the rest of Camunda's checks stay as they are.
 */
@Component
class LeanAuthorizationChecks extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new Factory());
        configuration.setCustomSessionFactories(factories);
    }

    /** Registered under Camunda's type, so it replaces the engine's own authorization manager. */
    static final class Factory implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new Manager();
        }
    }

    static final class Manager extends AuthorizationManager {
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }

        @Override
        public void configureTaskQuery(TaskQueryImpl query) {
            super.configureTaskQuery(query);
            if (query.getAuthCheck().isAuthorizationCheckEnabled()
                    && OwnGroupTasks.only(query, getCurrentAuthentication().getGroupIds())) {
                query.getAuthCheck().setAuthorizationCheckEnabled(false);
            }
        }
    }
}
