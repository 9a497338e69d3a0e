package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.LocalTimes;
import cn.lianban.common.UserInputException;

/**
 * Checks on completing the user tasks of a ticket. A failed check throws, so the task stays open and
 * the user sees the message; what passes is normalised to the contract's types.
 */
@Component("ticketChecks")
class TicketChecks implements TaskListener {

    private final TicketService tickets;
    private final ResidentRatings ratings;

    TicketChecks(TicketService tickets, ResidentRatings ratings) {
        this.tickets = tickets;
        this.ratings = ratings;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketVariables ticket = new TicketVariables(task);
        switch (task.getTaskDefinitionKey()) {
            case "redispatch" -> ticket.setDeptCode(tickets.checkDepartment(ticket.deptCode()));
            case "decide" -> {
                tickets.checkDecision(ticket.decisionNote());
                ticket.setDeptCode(tickets.checkDepartment(ticket.deptCode()));
            }
            case "accept" -> tickets.checkAcceptance(ticket.accepted(), ticket.returnReason());
            case "resolve" -> tickets.checkResult(ticket.result());
            case "confirm" -> tickets.checkConfirmation(ticket.solved());
            case "rate" -> {
                // the resident rates themselves while their link is valid; only then may the secretary (代评)
                ratings.validUntil(ticket.caseNo()).ifPresent(until -> {
                    throw new UserInputException("satisfaction", "已短信邀请反映人本人评价，链接至 "
                            + LocalTimes.minutes(until) + " 有效；届时仍未评价的，再由社区代为评价");
                });
                ticket.setSatisfaction(tickets.checkSatisfaction(ticket.satisfactionAsSent()));
            }
            case "streetDecide" -> {
                StreetDecision decision = tickets.checkStreetDecision(ticket.streetDecision(), ticket.redispatchDept(),
                        ticket.deptCode(), ticket.decisionNote(), ticket.jointCategory());
                if (decision == StreetDecision.REDISPATCH) {
                    ticket.setDeptCode(ticket.redispatchDept());
                }
            }
            case "help" -> tickets.checkHelp(ticket.helpResult());
            default -> throw new IllegalStateException("no check for task " + task.getTaskDefinitionKey());
        }
    }
}
