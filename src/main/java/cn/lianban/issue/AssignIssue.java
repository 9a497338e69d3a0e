package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.directory.Directory;

/** 交办: records the confirmed colour (and any override), proposes the lead department and starts the clock. */
@Component("assignIssue")
class AssignIssue implements JavaDelegate {

    private final IssueService issues;
    private final Directory directory;
    private final CaseLog log;
    private final IssueSummary summary;
    private final IssueLabels labels;
    private final IssueSupervision supervision;

    AssignIssue(IssueService issues, Directory directory, CaseLog log, IssueSummary summary, IssueLabels labels,
                IssueSupervision supervision) {
        this.supervision = supervision;
        this.summary = summary;
        this.issues = issues;
        this.directory = directory;
        this.log = log;
        this.labels = labels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        String color = variables.color();
        String proposed = variables.proposedColor();
        int level = variables.level();
        variables.setLevel(level);
        String key = execution.getProcessBusinessKey();
        if (!color.equals(proposed)) {
            log.record(key, execution.getProcessInstanceId(), "RATING_OVERRIDE", CaseLabels.colorName(proposed) + " → "
                    + CaseLabels.colorName(color) + "，理由：" + variables.overrideReason());
        }
        IssueService.Assignment a = issues.assign(variables.category(), color, level,
                directory.placement(variables.communityCode()), variables.gridCode());
        if (level <= 2) {
            // handled at once, without a meeting: the community accepts (签收) within the colour's hours
            variables.requestAcceptance(EngineClock.now().toInstant(), supervision.acceptBy(color));
        }
        variables.setLeadDept(a.leadDept());
        variables.setHandlers(a.handlers());
        variables.setMeetingGroup(a.meetingGroup());
        variables.setDeadline(a.deadline());
        labels.apply(variables, true);
        summary.update(execution);
        log.record(key, execution.getProcessInstanceId(), "ASSIGNED", "评级" + CaseLabels.colorName(color) + "，"
                + CaseLabels.levelLabel(level) + "，" + (level <= 2 ? "由社区办理" : "建议牵头部门 " + labels.deptName(a.leadDept()))
                + "，期限 " + LocalTimes.minutes(a.deadline().due().toInstant()));
    }
}
