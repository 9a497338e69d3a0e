package cn.lianban.resource;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/** What the claim and order delegates share: the starter, the community's variables, access and the audit trail. */
@Component
class ResourceSteps {

    private final CaseLog log;
    private final CaseAccess access;
    private final ResourceRules rules;

    ResourceSteps(CaseLog log, CaseAccess access, ResourceRules rules) {
        this.log = log;
        this.access = access;
        this.rules = rules;
    }

    /** The logged-in starter's groups, or null when the system starts the process. */
    static Collection<String> starterGroups(DelegateExecution e) {
        var starter = e.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return starter == null ? null : starter.getGroupIds();
    }

    /** What the cards and forms say for each status of a claim or an order. */
    private static final Map<String, String> STATUS_LABELS = Map.ofEntries(
            Map.entry("CLAIMED", "待部门审批"), Map.entry("APPROVED", "待部门交付"), Map.entry("REJECTED", "已驳回"),
            Map.entry("DELIVERED", "已交付，待社区确认"), Map.entry("CONFIRMED", "已完成"),
            Map.entry("ORDERED", "待派单"), Map.entry("DISPATCHED", "待部门接单"),
            Map.entry("DECLINED", "部门不接单，待中心改派"), Map.entry("ACCEPTED", "部门办理中"),
            Map.entry("COMPLETED", "已办结，待社区确认"));

    /**
     * Gives the case its key, the title and filing time the cards and forms show, and the community's variables,
     * and opens it to the community.
     */
    void register(DelegateExecution e, String businessKey, String title, Placement p) {
        e.setProcessBusinessKey(businessKey);
        e.setVariable("caseNo", businessKey);
        e.setVariable("title", title);
        e.setVariable("filedLabel", LocalTimes.minutes(EngineClock.now().toInstant()));
        String group = UnitType.COMMUNITY.group(p.community().code());
        e.setVariable("communityCode", p.community().code());
        e.setVariable("communityName", p.community().name());
        e.setVariable("streetCode", p.street().code());
        e.setVariable("communityGroup", group);
        access.open(e.getProcessInstanceId(), List.of(group));
    }

    /** The department now in charge: its name for the forms, and the case opened to it. */
    void department(DelegateExecution e, String deptCode) {
        e.setVariable("deptCode", deptCode);
        e.setVariable("deptName", rules.departmentName(deptCode));
        access.open(e.getProcessInstanceId(), List.of(UnitType.DEPT.group(deptCode)));
    }

    /** Sets the case's {@code status} (and its words) and records the step with its department and place. */
    void record(DelegateExecution e, String status, String action, String detail) {
        e.setVariable("status", status);
        e.setVariable("statusLabel", STATUS_LABELS.get(status));
        log.record(new CaseLog.Entry(e.getProcessBusinessKey(), e.getProcessInstanceId(), action, detail)
                .dept(text(e, "deptCode")).place(text(e, "communityCode"), text(e, "streetCode")));
    }

    /**
     * A step that hands the business key and one answer of the task before it (or null) to a service, then
     * sets the status and records the step with that answer.
     */
    JavaDelegate step(String answer, BiConsumer<String, String> change, String status, String action) {
        return e -> {
            String text = answer == null ? null : text(e, answer);
            change.accept(e.getProcessBusinessKey(), text);
            record(e, status, action, text);
        };
    }

    /**
     * Sets a figure the case has, or removes one it does not have (a start form submits an empty field as null):
     * Tasklist's cards show a variable that is null as <空>.
     */
    static void setOrRemove(VariableScope scope, String name, Object value) {
        if (value == null) {
            scope.removeVariable(name);
        } else {
            scope.setVariable(name, value);
        }
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
