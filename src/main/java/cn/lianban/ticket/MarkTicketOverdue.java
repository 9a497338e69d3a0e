package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Past the resolution limit: the ticket is marked overdue (it stays with the department) and the desk is told. */
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
        mails.overdue(TicketMail.of(ticket));
    }
}
