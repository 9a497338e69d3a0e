package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Directory.Placement;

/**
 * A case moves up to another level (逐级升级 after approval or a review of the register, 提级 by the city center): that
 * level's units and time limit, the reopen count anew, and the units told — the street of every move to levels 4–5
 * (大事不出镇: the street knows what leaves it or reaches it), by mail and on the case page.
 */
@Component
class LevelChange {

    /** From this level up the street office hears of every move. */
    static final int STREET_INFORMED_FROM = 4;

    private final IssueService issues;
    private final Directory directory;
    private final IssueMails mails;
    private final CaseLog log;
    private final IssueSummary summary;
    private final IssueLabels labels;

    LevelChange(IssueService issues, Directory directory, IssueMails mails, CaseLog log, IssueSummary summary,
                IssueLabels labels) {
        this.issues = issues;
        this.directory = directory;
        this.mails = mails;
        this.log = log;
        this.summary = summary;
        this.labels = labels;
    }

    /** Moves the case to {@code level} with the clock restarted; the caller records why, then {@link #announce}s. */
    void moveTo(DelegateExecution execution, IssueVariables variables, int level) {
        Placement p = directory.placement(variables.communityCode());
        variables.setLevel(level);
        variables.setEscalations(variables.escalations() + 1);
        variables.setReopens(0);
        variables.setMeetingGroup(Levels.meetingGroup(level, p));
        variables.setHandlers(issues.handlers(level, p.community().code(), variables.gridCode(),
                variables.leadDept()));
        variables.setDeadline(issues.deadlineForLevel(level));
        labels.apply(variables, level >= 3);
        summary.update(execution);
    }

    /** Mails the new unit, the community and the area (and the street from level 4), and notes the street's. */
    void announce(DelegateExecution execution, IssueVariables variables) {
        mails.escalated(variables.mail());
        if (variables.level() >= STREET_INFORMED_FROM) {
            log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "STREET_INFORMED",
                    "已通知" + directory.unitName(variables.streetGroup()) + "：事项升至"
                            + CaseLabels.levelLabel(variables.level()));
        }
    }
}
