package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;

/** 逐级汇办: one level up, with that level's units and time limit; the reopen count starts again. */
@Component("escalateIssue")
class EscalateIssue implements JavaDelegate {

    private final LevelChange change;
    private final CaseLog log;

    EscalateIssue(LevelChange change, CaseLog log) {
        this.change = change;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        int from = variables.level();
        int level = Math.min(from + 1, Levels.TOP);
        change.moveTo(execution, variables, level);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "ESCALATED",
                CaseLabels.levelLabel(from) + " → " + CaseLabels.levelLabel(level) + "，原因："
                        + variables.escalationReasonLabel());
        change.announce(execution, variables);
    }
}
