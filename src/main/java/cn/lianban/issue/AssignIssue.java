package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.directory.Directory;

/** 交办: records the confirmed colour (and any override), proposes the lead department and starts the clock. */
@Component("assignIssue")
public class AssignIssue implements JavaDelegate {

    private final IssueService issues;
    private final Directory directory;
    private final CaseLog log;
    private final IssueSummary summary;

    public AssignIssue(IssueService issues, Directory directory, CaseLog log, IssueSummary summary) {
        this.summary = summary;
        this.issues = issues;
        this.directory = directory;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String color = IssueVariables.text(execution, "color");
        String proposed = IssueVariables.text(execution, "proposedColor");
        int level = IssueVariables.level(execution);
        execution.setVariable("level", level);
        String key = execution.getProcessBusinessKey();
        if (!color.equals(proposed)) {
            log.record(key, execution.getProcessInstanceId(), "RATING_OVERRIDE", Levels.colorName(proposed) + " → "
                    + Levels.colorName(color) + "，理由：" + IssueVariables.text(execution, "overrideReason"));
        }
        IssueService.Assignment a = issues.assign(IssueVariables.text(execution, "category"), color, level,
                directory.placement(IssueVariables.text(execution, "communityCode")));
        execution.setVariable("leadDept", a.leadDept());
        execution.setVariable("handleGroup", a.handleGroup());
        execution.setVariable("meetingGroup", a.meetingGroup());
        IssueVariables.setDeadline(execution, a.deadline());
        summary.update(execution);
        log.record(key, execution.getProcessInstanceId(), "ASSIGNED", "评级" + Levels.colorName(color) + "，"
                + Levels.chineseName(level) + "，建议牵头部门 " + a.leadDept() + "，期限 " + a.deadline().due().toLocalDate());
    }
}
