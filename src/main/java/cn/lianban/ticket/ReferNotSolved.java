package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The community says a second time that it is not solved: reopening without limit ends here, the street desk
 * decides (streetDecide).
 */
@Component("referNotSolved")
class ReferNotSolved implements JavaDelegate {

    private final TicketService tickets;
    private final TicketLog log;

    ReferNotSolved(TicketService tickets, TicketLog log) {
        this.tickets = tickets;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        String reason = tickets.notSolvedAgain(ticket.reopens(), ticket.deptCode());
        ticket.setStreetReason(reason);
        log.record(log.entry(execution, "NOT_SOLVED_AGAIN", reason).score(0));
    }
}
