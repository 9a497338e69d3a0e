package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseClock;
import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;
import cn.lianban.common.TimeLight;

/**
 * The time limit passed unresolved: recorded, the units told, and the 督办 notice sent (the ladder's second step,
 * at the moment the limit passes, since the case then goes to escalation).
 */
@Component("markOverdue")
class MarkOverdue implements JavaDelegate {

    private final IssueMails mails;
    private final CaseLog log;

    MarkOverdue(IssueMails mails, CaseLog log) {
        this.mails = mails;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        variables.setOverdueCount(variables.overdueCount() + 1);
        CaseClock.light(execution, TimeLight.RED);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "OVERDUE",
                CaseLabels.levelLabel(variables.level()) + "办理时限届满未办结");
        IssueMail mail = variables.mail();
        mails.overdue(mail);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "SUPERVISED",
                "督办：" + CaseLabels.levelLabel(variables.level()) + "办理时限届满未办结，已通知" + mails.supervision(mail));
    }
}
