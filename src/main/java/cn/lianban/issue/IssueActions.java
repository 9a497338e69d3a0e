package cn.lianban.issue;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.springframework.stereotype.Service;

import cn.lianban.common.BadRequest;
import cn.lianban.common.CaseLabels;
import cn.lianban.common.Conflict;
import cn.lianban.common.Grants;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.NotFound;

/**
 * What a unit does to a running case from its case page rather than in a task: the city center's 提级, and 挂账 of
 * a case being handled by the approver of escalations (the case's area committee; at the approval itself 挂账 is an
 * option of the approval form). Run as the system once the caller's right is checked here.
 */
@Service
class IssueActions {

    static final String RAISE_STEP = "raiseIssue";
    /** The message the BPMN's boundary event on 办理 waits for. */
    static final String SHELVE_MESSAGE = "shelveRequested";

    private final RuntimeService runtime;
    private final Grants grants;
    private final IssueShelf shelf;

    IssueActions(RuntimeService runtime, Grants grants, IssueShelf shelf) {
        this.runtime = runtime;
        this.grants = grants;
        this.shelf = shelf;
    }

    record Raised(String businessKey, int level, String levelLabel) {
    }

    record Shelved(String businessKey, String statusLabel, String reviewAt) {
    }

    /**
     * 提级: wherever the case stands (meeting, handling, waiting for approval, on the register) that step is
     * cancelled and the raising step (BPMN {@code raiseIssue}, reached only this way) starts with the request; from
     * there the case goes on as after an escalation: a joint meeting at levels 3–5, handling below. A case waiting
     * to be rated has no level yet, and one whose result awaits the community's evaluation is not raised over its
     * head.
     */
    Raised raise(String businessKey, int level, String reason) {
        return running(businessKey, (pi, variables) -> {
            String status = variables.status();
            if (!IssueStatus.raisable(status) || variables.level() == null) {
                throw new Conflict("not_raisable", IssueStatus.EVALUATING.name().equals(status)
                        ? "事项已办结、正待社区评价，不能提级" : "事项尚待评级，评级确定办理层级后才能提级");
            }
            int from = variables.level();
            if (level <= from || level > Levels.TOP) {
                throw new BadRequest("bad_level", "只能提级到高于当前层级（" + CaseLabels.levelLabel(from) + "）的层级");
            }
            ActivityInstance tree = runtime.getActivityInstance(pi.getId());
            ProcessInstanceModificationBuilder move = runtime.createProcessInstanceModification(pi.getId())
                    .startBeforeActivity(RAISE_STEP).setVariables(IssueVariables.raiseRequest(level, reason));
            // the new step first: cancelling every step first would end the instance
            for (ActivityInstance step : List.of(tree.getChildActivityInstances())) {
                move.cancelActivityInstance(step.getId());
            }
            move.execute();
            return new Raised(businessKey, level, CaseLabels.levelLabel(level));
        });
    }

    /**
     * 挂账 of a case being handled, by its area committee: the same checks as at the approval, then the handling is
     * interrupted (the BPMN's message boundary event) and the case goes on the register.
     */
    Shelved shelve(String businessKey, Collection<String> callerGroups, String category, String reason,
                   Object reviewDate) {
        return running(businessKey, (pi, variables) -> {
            if (!callerGroups.contains(variables.areaGroup())) {
                // another area's committee may not see the case at all: the same answer as for none
                throw missing(businessKey);
            }
            if (!IssueStatus.shelvable(variables.status(), variables.statusLabel())) {
                throw new Conflict("not_shelvable", "只有正在办理或等待联席会商的事项可以挂账；升级审批中的事项请在审批时选择挂账");
            }
            IssueShelf.Shelving s = shelf.shelving(category, reason, reviewDate);
            runtime.createMessageCorrelation(SHELVE_MESSAGE).processInstanceId(pi.getId())
                    .setVariables(IssueVariables.shelving(s)).correlate();
            return new Shelved(businessKey, IssueStatus.SHELVED.label(),
                    LocalTimes.minutes(s.reviewAt().toInstant()));
        });
    }

    /** The running case of the key, its variables read as the system; 404 when there is none. */
    private <T> T running(String businessKey, CaseAction<T> action) {
        return grants.asSystem(() -> {
            ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(IssueFilters.PROCESS)
                    .processInstanceBusinessKey(businessKey).singleResult();
            if (pi == null) {
                throw missing(businessKey);
            }
            return action.apply(pi, new IssueVariables(runtime.getVariables(pi.getId())));
        });
    }

    private static NotFound missing(String businessKey) {
        return new NotFound("not_found", "没有正在办理的联席汇办事项 " + businessKey);
    }

    private interface CaseAction<T> {
        T apply(ProcessInstance pi, IssueVariables variables);
    }
}
