package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/** Residents are not satisfied: back to 办理 with a fresh time limit (the third time it escalates instead). */
@Component("reopenIssue")
public class ReopenIssue implements JavaDelegate {

    private final IssueService issues;
    private final CaseLog log;
    private final IssueSummary summary;

    public ReopenIssue(IssueService issues, CaseLog log, IssueSummary summary) {
        this.summary = summary;
        this.issues = issues;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long reopens = IssueVariables.count(execution, "reopens") + 1;
        execution.setVariable("reopens", reopens);
        IssueVariables.setDeadline(execution, issues.deadlineForLevel(IssueVariables.level(execution)));
        summary.update(execution);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "REOPENED",
                "群众不满意，第" + reopens + "次退回");
    }
}
