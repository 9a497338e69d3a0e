package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One working day before the due date: reminds the handling unit. */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

    private final IssueMails mails;

    SendReminder(IssueMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.reminder(new IssueVariables(execution).mail());
    }
}
