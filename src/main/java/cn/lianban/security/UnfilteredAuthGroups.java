package cn.lianban.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Hands the user's groups to Camunda's authorization checks as they are. Before every check Camunda narrows them to
 * the groups that hold any authorization, and learns those by reading every row of {@code ACT_RU_AUTHORIZATION}
 * ({@code SELECT distinct GROUP_ID_}) once per command: a scan that grows with the open tasks (each candidate group
 * gets two grants per task) and was the biggest single cost of both the Tasklist and the REST lifecycles (57 ms per
 * command at 830,000 grants, bench/README.md). Our users belong to a handful of groups, so the narrowing saves
 * nothing: a group without grants in the list matches no row. Camunda has no switch for it (camunda-bpm-platform
 * issue 5485); CIB seven added one ({@code authGroupFilterThreshold}), which this plugin amounts to, through the
 * engine's documented extension point for custom sessions.
 */
@Component
class UnfilteredAuthGroups extends AbstractProcessEnginePlugin {

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
    }
}
