package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 退单: a department returns a wrongly dispatched ticket with its reason; the count decides who acts next. */
@Component("returnTicket")
public class ReturnTicket implements JavaDelegate {

    private final TicketSteps steps;

    public ReturnTicket(TicketSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long returns = TicketSteps.count(execution, "returns") + 1;
        execution.setVariable("returns", returns);
        steps.record(steps.entry(execution, "RETURNED",
                "第" + returns + "次退单：" + TicketSteps.text(execution, "returnReason")));
    }
}
