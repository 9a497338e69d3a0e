package cn.lianban.security;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

import cn.lianban.common.Grants;

/**
 * Opens one case to the units involved in it: they may read the running instance and its history.
 * Tasks themselves are opened by Camunda to their candidate groups.
 */
@Service
public class CaseAccess {

    private final Grants grants;

    public CaseAccess(Grants grants) {
        this.grants = grants;
    }

    public void open(String processInstanceId, Collection<String> groups) {
        grants.grantEach(groups, processInstanceId, Map.of(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ,
                Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ));
    }
}
