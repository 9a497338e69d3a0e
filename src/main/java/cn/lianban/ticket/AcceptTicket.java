package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.Deadline;

/** 接单: records when and whether on time, and starts the resolution clock of the item's limit. */
@Component("acceptTicket")
public class AcceptTicket implements JavaDelegate {

    private final TicketService tickets;
    private final TicketSteps steps;

    public AcceptTicket(TicketService tickets, TicketSteps steps) {
        this.tickets = tickets;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var now = TicketSteps.now();
        boolean onTime = !now.toInstant().isAfter(TicketSteps.instant(execution, "acceptBy"));
        TicketDeadlines.accepted(execution, now);
        // whoever accepted handles it: the resolve task is assigned to them
        var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        execution.setVariable("acceptedBy", user == null ? null : user.getUserId());
        Deadline deadline = tickets.resolveDeadline((int) TicketSteps.count(execution, "resolveDays"));
        TicketDeadlines.set(execution, deadline);
        steps.record(steps.entry(execution, "ACCEPTED", onTime ? "按时接单" : "超时接单").onTime(onTime)
                .due(deadline.due().toInstant()));
    }
}
