package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Directory.Placement;

/** 逐级汇办: one level up, with that level's units and time limit; the reopen count starts again. */
@Component("escalateIssue")
class EscalateIssue implements JavaDelegate {

    private final IssueService issues;
    private final Directory directory;
    private final IssueMails mails;
    private final CaseLog log;
    private final IssueSummary summary;
    private final IssueLabels labels;

    EscalateIssue(IssueService issues, Directory directory, IssueMails mails, CaseLog log, IssueSummary summary,
                  IssueLabels labels) {
        this.summary = summary;
        this.issues = issues;
        this.directory = directory;
        this.mails = mails;
        this.log = log;
        this.labels = labels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        int from = variables.level();
        int level = Math.min(from + 1, Levels.TOP);
        Placement p = directory.placement(variables.communityCode());
        variables.setLevel(level);
        variables.setEscalations(variables.escalations() + 1);
        variables.setReopens(0);
        variables.setMeetingGroup(Levels.meetingGroup(level, p));
        variables.setHandlers(issues.handlers(level, p.community().code(), variables.leadDept()));
        variables.setDeadline(issues.deadlineForLevel(level));
        labels.apply(variables, level >= 3);
        summary.update(execution);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "ESCALATED",
                CaseLabels.levelLabel(from) + " → " + CaseLabels.levelLabel(level) + "，原因："
                        + variables.escalationReasonLabel());
        mails.escalated(variables.mail());
    }
}
