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
public class EscalateIssue implements JavaDelegate {

    private final IssueService issues;
    private final Directory directory;
    private final IssueMails mails;
    private final CaseLog log;
    private final IssueSummary summary;
    private final IssueLabels labels;

    public EscalateIssue(IssueService issues, Directory directory, IssueMails mails, CaseLog log, IssueSummary summary,
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
        int from = IssueVariables.level(execution);
        int level = Math.min(from + 1, Levels.TOP);
        Placement p = directory.placement(IssueVariables.text(execution, "communityCode"));
        execution.setVariable("level", level);
        execution.setVariable("escalations", IssueVariables.count(execution, "escalations") + 1);
        execution.setVariable("reopens", 0L);
        execution.setVariable("meetingGroup", Levels.meetingGroup(level, p));
        IssueVariables.setHandlers(execution,
                issues.handlers(level, p.community().code(), IssueVariables.text(execution, "leadDept")));
        IssueVariables.setDeadline(execution, issues.deadlineForLevel(level));
        labels.apply(execution, level >= 3);
        summary.update(execution);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "ESCALATED",
                CaseLabels.levelLabel(from) + " → " + CaseLabels.levelLabel(level) + "，原因："
                        + IssueVariables.text(execution, "escalationReasonLabel"));
        mails.escalated(execution);
    }
}
