package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseClock;
import cn.lianban.common.CaseLog;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.TimeLight;

/**
 * The acceptance limit passed and nobody accepted: 督办 at the level's unit. Recorded on the case, the supervisor and
 * the handler told by mail; the supervisor's task follows. Nothing happens when it was accepted meanwhile.
 */
@Component("superviseAcceptance")
class SuperviseAcceptance implements JavaDelegate {

    static final String ACTION = "ACCEPT_OVERDUE";

    private final IssueSupervision supervision;
    private final IssueMails mails;
    private final IssueLabels labels;
    private final CaseLog log;
    private final IssueSummary summary;

    SuperviseAcceptance(IssueSupervision supervision, IssueMails mails, IssueLabels labels, CaseLog log,
                        IssueSummary summary) {
        this.supervision = supervision;
        this.mails = mails;
        this.labels = labels;
        this.log = log;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        if (!variables.acceptPending()) {
            return;
        }
        variables.setAcceptSupervisions(variables.acceptSupervisions() + 1);
        CaseClock.light(execution, TimeLight.RED);
        String dept = variables.level() <= 2 ? null : variables.leadDept();
        String handler = dept == null ? variables.communityName() : labels.deptName(dept);
        String note = handler + "未在签收时限（" + LocalTimes.minutes(variables.acceptBy()) + "）内签收，转"
                + supervision.unitName(variables.supervisorGroup()) + "督办";
        log.record(new CaseLog.Entry(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), ACTION, note)
                .dept(dept).place(variables.communityCode(), null));
        mails.acceptOverdue(variables.mail(), variables.supervisorGroup(), note);
        summary.update(execution);
    }
}
