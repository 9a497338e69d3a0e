package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks on completing the user tasks of a ticket. A failed check throws, so the task stays open and
 * the user sees the message; what passes is normalised to the contract's types.
 */
@Component("ticketChecks")
public class TicketChecks implements TaskListener {

    private final TicketService tickets;

    public TicketChecks(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "redispatch" -> task.setVariable("deptCode", tickets.checkDepartment(task.getVariable("deptCode")));
            case "decide" -> {
                tickets.checkDecision(task.getVariable("decisionNote"));
                task.setVariable("deptCode", tickets.checkDepartment(task.getVariable("deptCode")));
            }
            case "accept" -> tickets.checkAcceptance(task.getVariable("accepted"), task.getVariable("returnReason"));
            case "resolve" -> tickets.checkResult(task.getVariable("result"));
            case "confirm" -> tickets.checkConfirmation(task.getVariable("solved"));
            case "rate" -> task.setVariable("satisfaction", (long) tickets.checkSatisfaction(task.getVariable("satisfaction")));
            default -> throw new IllegalStateException("no check for task " + task.getTaskDefinitionKey());
        }
    }
}
