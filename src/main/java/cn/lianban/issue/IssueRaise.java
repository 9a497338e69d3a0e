package cn.lianban.issue;

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
import cn.lianban.common.NotFound;

/**
 * 提级: the city center moves a running case straight to a higher level it chooses. Wherever the case stands (meeting,
 * handling, waiting for approval, on the register) that step is cancelled and the raising step (BPMN
 * {@code raiseIssue}, reached only this way) starts with the request; from there the case goes on as after an
 * escalation: a joint meeting at levels 3–5, handling below. A case waiting to be rated has no level yet, and one
 * whose result awaits the community's evaluation is not raised over its head.
 */
@Service
class IssueRaise {

    static final String STEP = "raiseIssue";

    private final RuntimeService runtime;
    private final Grants grants;

    IssueRaise(RuntimeService runtime, Grants grants) {
        this.runtime = runtime;
        this.grants = grants;
    }

    record Raised(String businessKey, int level, String levelLabel) {
    }

    Raised raise(String businessKey, int level, String reason) {
        return grants.asSystem(() -> {
            ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(IssueFilters.PROCESS)
                    .processInstanceBusinessKey(businessKey).singleResult();
            if (pi == null) {
                throw new NotFound("not_found", "没有正在办理的联席汇办事项 " + businessKey);
            }
            IssueVariables variables = new IssueVariables(runtime.getVariables(pi.getId()));
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
                    .startBeforeActivity(STEP).setVariables(IssueVariables.raiseRequest(level, reason));
            // the new step first: cancelling every step first would end the instance
            for (ActivityInstance step : List.of(tree.getChildActivityInstances())) {
                move.cancelActivityInstance(step.getId());
            }
            move.execute();
            return new Raised(businessKey, level, CaseLabels.levelLabel(level));
        });
    }
}
