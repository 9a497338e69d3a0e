package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Not accepted within 24 hours: counted against the department, and the street desk dispatches again. */
@Component("acceptTimedOut")
class AcceptTimedOut implements JavaDelegate {

    private final TicketService tickets;
    private final TicketMails mails;
    private final TicketLog log;

    AcceptTimedOut(TicketService tickets, TicketMails mails, TicketLog log) {
        this.tickets = tickets;
        this.mails = mails;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        ticket.setStreetReason(tickets.acceptTimedOut(ticket.deptCode(), ticket.acceptBy()));
        log.record(log.entry(execution, "ACCEPT_TIMEOUT", "24小时内未接单，转街道协调派单").onTime(false));
        mails.acceptTimedOut(TicketMail.of(ticket));
    }
}
