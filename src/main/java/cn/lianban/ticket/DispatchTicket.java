package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 派单: the responsibility list picks the department and the resolution limit; unlisted goes to the street desk. */
@Component("dispatchTicket")
class DispatchTicket implements JavaDelegate {

    private final TicketService tickets;

    DispatchTicket(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        ticket.setDispatch(tickets.dispatch(ticket.itemCode(), ticket.description()));
    }
}
