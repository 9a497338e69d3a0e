package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * More than five working days past the resolution limit: the department's task ends and the street desk decides
 * (streetDecide), which may raise the ticket into a joint-handling case (大事不出镇).
 */
@Component("referLongOverdue")
class ReferLongOverdue implements JavaDelegate {

    private final TicketService tickets;
    private final TicketLog log;

    ReferLongOverdue(TicketService tickets, TicketLog log) {
        this.tickets = tickets;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        String reason = tickets.longOverdue(ticket.deptCode(), ticket.resolveBy());
        ticket.setStreetReason(reason);
        log.record(log.entry(execution, "LONG_OVERDUE", reason));
    }
}
