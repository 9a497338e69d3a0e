package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 退单: a department returns a wrongly dispatched ticket with its reason; the count decides who acts next. */
@Component("returnTicket")
class ReturnTicket implements JavaDelegate {

    private final TicketService tickets;
    private final TicketLog log;

    ReturnTicket(TicketService tickets, TicketLog log) {
        this.tickets = tickets;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        String reason = ticket.returnReason();
        TicketService.Return r = tickets.returned(ticket.returns() + 1, ticket.deptCode(), reason,
                ticket.returnHistory());
        ticket.setReturned(r);
        log.record(log.entry(execution, "RETURNED", "第" + r.returns() + "次退单：" + reason));
    }
}
