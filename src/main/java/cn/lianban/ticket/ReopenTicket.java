package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The community says it is not solved: back to the department with a fresh limit. */
@Component("reopenTicket")
public class ReopenTicket implements JavaDelegate {

    private final TicketService tickets;
    private final TicketSteps steps;

    public ReopenTicket(TicketService tickets, TicketSteps steps) {
        this.tickets = tickets;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long reopens = TicketSteps.count(execution, "reopens") + 1;
        execution.setVariable("reopens", reopens);
        execution.setVariable("resolvedAt", null);
        execution.setVariable("resolvedAtLabel", null);
        TicketDeadlines.set(execution, tickets.resolveDeadline((int) TicketSteps.count(execution, "resolveDays")));
        steps.record(steps.entry(execution, "REOPENED", "社区确认未解决，第" + reopens + "次重新办理").score(0));
    }
}
