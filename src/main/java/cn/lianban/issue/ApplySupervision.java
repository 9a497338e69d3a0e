package cn.lianban.issue;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.security.CaseAccess;

/**
 * The supervisor's decision on a late acceptance: 催办 (the same handler is urged by mail) or 改派 (another lead
 * department gets the open 牵头办理 task). Either way a new acceptance limit of the colour's hours starts now.
 */
@Component("applySupervision")
class ApplySupervision implements JavaDelegate {

    static final String URGED = "URGED";
    static final String REASSIGNED = "LEAD_REASSIGNED";

    private final IssueService issues;
    private final IssueSupervision supervision;
    private final IssueLabels labels;
    private final IssueMails mails;
    private final CaseAccess access;
    private final CaseLog log;
    private final IssueSummary summary;

    ApplySupervision(IssueService issues, IssueSupervision supervision, IssueLabels labels, IssueMails mails,
                     CaseAccess access, CaseLog log, IssueSummary summary) {
        this.issues = issues;
        this.supervision = supervision;
        this.labels = labels;
        this.mails = mails;
        this.access = access;
        this.log = log;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        String pid = execution.getProcessInstanceId();
        Instant acceptBy = supervision.acceptBy(variables.color());
        variables.requestAcceptance(EngineClock.now().toInstant(), acceptBy);
        String comment = "；意见：" + variables.supervisionComment();
        String limit = "新的签收时限 " + LocalTimes.minutes(acceptBy);
        if (IssueSupervision.REASSIGN.equals(variables.supervision())) {
            String oldGroup = variables.handleGroup();
            String oldName = labels.deptName(variables.leadDept());
            String dept = variables.newLeadDept();
            variables.setLeadDept(dept);
            variables.setHandlers(issues.handlers(variables.level(), variables.communityCode(), variables.gridCode(),
                    dept));
            labels.apply(variables, false);
            access.open(pid, List.of(variables.handleGroup()));
            supervision.reassignHandleTask(pid, oldGroup, variables.handleGroup());
            String note = "牵头部门由 " + oldName + " 改派为 " + labels.deptName(dept) + "，" + limit + comment;
            log.record(new CaseLog.Entry(execution.getProcessBusinessKey(), pid, REASSIGNED, note).dept(dept));
            mails.reassigned(variables.mail(), note);
        } else {
            String note = "催办 " + variables.leadDeptName() + "，" + limit + comment;
            log.record(execution.getProcessBusinessKey(), pid, URGED, note);
            mails.urged(variables.mail(), note);
        }
        variables.startAcceptanceClock(IssueSupervision.waitingLabel(acceptBy));
        variables.clearSupervision();
        summary.update(execution);
    }
}
