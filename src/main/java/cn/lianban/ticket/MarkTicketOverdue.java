package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Past the resolution limit: the ticket is marked overdue (it stays with the department), the desk is told, and the
 * 督办 notice goes to the department's leads and the street (the ladder's second step).
 */
@Component("markTicketOverdue")
class MarkTicketOverdue implements JavaDelegate {

    private final TicketMails mails;
    private final TicketLog log;
    private final TicketCases cases;

    MarkTicketOverdue(TicketMails mails, TicketLog log, TicketCases cases) {
        this.mails = mails;
        this.log = log;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        ticket.markOverdue();
        cases.changed(execution);
        log.record(log.entry(execution, "OVERDUE", "超过办理时限"));
        TicketMail mail = TicketMail.of(ticket);
        mails.overdue(mail);
        log.record(log.entry(execution, "SUPERVISED", "督办：超过办理时限未办结，已通知" + mails.supervision(mail)));
    }
}
