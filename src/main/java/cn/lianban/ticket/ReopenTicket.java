package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The community says it is not solved: back to the department with a fresh limit. */
@Component("reopenTicket")
class ReopenTicket implements JavaDelegate {

    private final TicketService tickets;
    private final TicketLog log;

    ReopenTicket(TicketService tickets, TicketLog log) {
        this.tickets = tickets;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        long reopens = ticket.reopens() + 1;
        ticket.setReopened(reopens);
        ticket.setResolveDeadline(tickets.resolveDeadline(ticket.resolveDays()));
        log.record(log.entry(execution, "REOPENED", "社区确认未解决，第" + reopens + "次重新办理").score(0));
    }
}
