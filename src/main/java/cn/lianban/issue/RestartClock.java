package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Escalation refused: the same level handles on, with its time limit counted again from now. */
@Component("restartClock")
class RestartClock implements JavaDelegate {

    private final IssueService issues;
    private final IssueSummary summary;

    RestartClock(IssueService issues, IssueSummary summary) {
        this.summary = summary;
        this.issues = issues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        variables.setDeadline(issues.deadlineForLevel(variables.level()));
        summary.update(execution);
    }
}
