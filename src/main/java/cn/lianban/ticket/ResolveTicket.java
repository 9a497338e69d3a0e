package cn.lianban.ticket;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结: records when the department finished and whether within the limit; the community confirms next. */
@Component("resolveTicket")
class ResolveTicket implements JavaDelegate {

    private final TicketService tickets;
    private final TicketLog log;

    ResolveTicket(TicketService tickets, TicketLog log) {
        this.tickets = tickets;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        Instant now = tickets.now();
        ticket.setResolvedAt(now);
        boolean onTime = !now.isAfter(ticket.resolveBy());
        log.record(log.entry(execution, "RESOLVED", ticket.result()).onTime(onTime));
    }
}
