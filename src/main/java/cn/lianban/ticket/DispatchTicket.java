package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 派单: the responsibility list picks the department and the resolution limit; unlisted goes to the street desk. */
@Component("dispatchTicket")
public class DispatchTicket implements JavaDelegate {

    /** What cards and forms show as the item of a ticket that is not on the list. */
    static final String UNLISTED = "清单外事项";

    private final TicketService tickets;
    private final TicketSteps steps;

    public DispatchTicket(TicketService tickets, TicketSteps steps) {
        this.tickets = tickets;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketService.Dispatch d = tickets.dispatch(TicketSteps.text(execution, "itemCode"));
        steps.department(execution, d.deptCode());
        execution.setVariable("helperDepts", new java.util.ArrayList<>(d.helperDepts()));
        execution.setVariable("resolveDays", (long) d.resolveDays());
        execution.setVariable("itemName", d.itemName() == null ? UNLISTED : d.itemName());
        execution.setVariable("title", TicketSteps.title(d.itemName(), TicketSteps.text(execution, "description")));
        if (d.deptCode() == null) {
            execution.setVariable(TicketSteps.STREET_REASON, "问题不在权责清单内，需由街道确定承办部门。");
        }
    }
}
