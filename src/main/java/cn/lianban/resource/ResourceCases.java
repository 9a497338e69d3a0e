package cn.lianban.resource;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/**
 * What the delegates of claims and community orders share as cases: the key and the community, the department
 * in charge and who may see the case, and the audit trail.
 */
@Component
class ResourceCases {

    private final CaseLog log;
    private final CaseAccess access;
    private final ResourceRules rules;

    ResourceCases(CaseLog log, CaseAccess access, ResourceRules rules) {
        this.log = log;
        this.access = access;
        this.rules = rules;
    }

    /** The logged-in starter's groups, or null when the system starts the process. */
    static Collection<String> starterGroups(DelegateExecution e) {
        var starter = e.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return starter == null ? null : starter.getGroupIds();
    }

    /**
     * Gives the case its key, the title and filing time the cards and forms show, and the community's variables,
     * and opens it to the community.
     */
    void register(DelegateExecution e, ResourceCaseVariables v, String businessKey, String title, Placement p) {
        e.setProcessBusinessKey(businessKey);
        v.setCase(businessKey, title, LocalTimes.minutes(EngineClock.now().toInstant()));
        String group = UnitType.COMMUNITY.group(p.community().code());
        v.setCommunity(p, group);
        access.open(e.getProcessInstanceId(), List.of(group));
    }

    /** The department now in charge: its name for the forms, and the case opened to it. */
    void department(DelegateExecution e, ResourceCaseVariables v, String deptCode) {
        v.setDepartment(deptCode, rules.departmentName(deptCode));
        access.open(e.getProcessInstanceId(), List.of(UnitType.DEPT.group(deptCode)));
    }

    /** Records the step with the case's department and place. */
    void record(DelegateExecution e, ResourceCaseVariables v, String action, String detail) {
        log.record(new CaseLog.Entry(e.getProcessBusinessKey(), e.getProcessInstanceId(), action, detail)
                .dept(v.deptCode()).place(v.communityCode(), v.streetCode()));
    }
}
