package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 回访 done: the ticket closes as solved with its satisfaction score. */
@Component("closeTicket")
public class CloseTicket implements JavaDelegate {

    private final TicketSteps steps;
    private final TicketStatus status;

    public CloseTicket(TicketSteps steps, TicketStatus status) {
        this.steps = steps;
        this.status = status;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int satisfaction = ((Number) execution.getVariable("satisfaction")).intValue();
        status.enter(execution, TicketStatus.CLOSED);
        steps.record(steps.entry(execution, "CLOSED", "已解决，满意度 " + satisfaction).score(satisfaction));
    }
}
