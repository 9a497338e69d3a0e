package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.LocalTimes;

/** One working day before the due date: reminds the handling unit, on the case page too (the ladder's first step). */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

    private final IssueMails mails;
    private final CaseLog log;

    SendReminder(IssueMails mails, CaseLog log) {
        this.mails = mails;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        mails.reminder(variables.mail());
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "REMINDED",
                "距办理期限（" + LocalTimes.minutes(variables.dueDate()) + "）不足一个工作日，已提醒办理单位");
    }
}
