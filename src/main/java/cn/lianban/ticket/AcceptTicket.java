package cn.lianban.ticket;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.Deadline;

/** 接单: records when and whether on time, and starts the resolution clock of the item's limit. */
@Component("acceptTicket")
class AcceptTicket implements JavaDelegate {

    private final TicketService tickets;
    private final TicketLog log;

    AcceptTicket(TicketService tickets, TicketLog log) {
        this.tickets = tickets;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        Instant now = tickets.now();
        boolean onTime = !now.isAfter(ticket.acceptBy());
        ticket.setAcceptedAt(now);
        // whoever accepted handles it: the resolve task is assigned to them
        var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        ticket.setAcceptedBy(user == null ? null : user.getUserId());
        Deadline deadline = tickets.resolveDeadline(ticket.resolveDays());
        ticket.setResolveDeadline(deadline);
        log.record(log.entry(execution, "ACCEPTED", onTime ? "按时接单" : "超时接单").onTime(onTime)
                .due(deadline.due().toInstant()));
    }
}
