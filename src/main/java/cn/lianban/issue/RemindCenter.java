package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/** Level 5 has nowhere higher to go: the city center is reminded, and again each working day it stays open. */
@Component("remindCenter")
class RemindCenter implements JavaDelegate {

    private final IssueService issues;
    private final IssueMails mails;
    private final CaseLog log;
    private final IssueSummary summary;

    RemindCenter(IssueService issues, IssueMails mails, CaseLog log, IssueSummary summary) {
        this.issues = issues;
        this.mails = mails;
        this.log = log;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        long reminders = variables.centerReminders() + 1;
        variables.setCenterReminders(reminders);
        // only the reminder timer moves: the case stays overdue (red) on cards
        variables.setTimers(issues.nextCenterReminder());
        summary.update(execution);
        mails.centerOverdue(variables.mail());
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "CENTER_REMINDED",
                "市级督办提醒第" + reminders + "次");
    }
}
