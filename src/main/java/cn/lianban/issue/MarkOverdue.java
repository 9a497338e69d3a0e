package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseClock;
import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;
import cn.lianban.common.TimeLight;

/** The time limit passed unresolved: recorded, and the units told. */
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
        mails.overdue(variables.mail());
    }
}
