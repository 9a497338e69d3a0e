package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 派单: the responsibility list picks the department and the resolution limit; unlisted goes to the street desk. */
@Component("dispatchTicket")
public class DispatchTicket implements JavaDelegate {

    private final TicketService tickets;

    public DispatchTicket(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketService.Dispatch d = tickets.dispatch(TicketSteps.text(execution, "itemCode"));
        execution.setVariable("deptCode", d.deptCode());
        execution.setVariable("helperDepts", new java.util.ArrayList<>(d.helperDepts()));
        execution.setVariable("resolveDays", (long) d.resolveDays());
        execution.setVariable("itemName", d.itemName());
    }
}
