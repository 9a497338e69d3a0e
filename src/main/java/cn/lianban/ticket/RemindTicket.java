package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One working day before the resolution limit: reminds the department. */
@Component("remindTicket")
class RemindTicket implements JavaDelegate {

    private final TicketMails mails;

    RemindTicket(TicketMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.reminder(TicketMail.of(new TicketVariables(execution)));
    }
}
