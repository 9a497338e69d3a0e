package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/** Residents are not satisfied: back to 办理 with a fresh time limit (the third time it escalates instead). */
@Component("reopenIssue")
class ReopenIssue implements JavaDelegate {

    private final IssueService issues;
    private final CaseLog log;
    private final IssueSummary summary;

    ReopenIssue(IssueService issues, CaseLog log, IssueSummary summary) {
        this.summary = summary;
        this.issues = issues;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        long reopens = variables.reopens() + 1;
        variables.setReopens(reopens);
        variables.setDeadline(issues.deadlineForLevel(variables.level()));
        summary.update(execution);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "REOPENED",
                "群众不满意，第" + reopens + "次退回");
    }
}
