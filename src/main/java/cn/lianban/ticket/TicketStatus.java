package cn.lianban.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseClock;

/**
 * The ticket's status as the contract names it, set once per step by the BPMN listeners ({@code
 * ${ticketStatus.enter(execution, 'ACCEPTING')}}) and by registration and closing: {@code status}, its Chinese
 * {@code statusLabel} and the clock Tasklist cards show change together. Only accepting (24 hours) and resolving
 * (the item's working days) run against a limit; the street desk, the community's confirmation and the visit do not.
 */
@Component("ticketStatus")
public class TicketStatus {

    public static final String DISPATCHING = "DISPATCHING";
    public static final String ACCEPTING = "ACCEPTING";
    public static final String RESOLVING = "RESOLVING";
    public static final String CONFIRMING = "CONFIRMING";
    public static final String RATING = "RATING";
    public static final String CLOSED = "CLOSED";
    /** In the order a ticket passes them. */
    public static final List<String> ALL = List.of(DISPATCHING, ACCEPTING, RESOLVING, CONFIRMING, RATING, CLOSED);

    public void enter(DelegateExecution execution, String status) {
        execution.setVariable("status", status);
        execution.setVariable("statusLabel", label(status));
        switch (status) {
            // the limits were set by the step before: OpenAcceptance (acceptBy), AcceptTicket, ImposeDepartment
            // and ReopenTicket (resolveBy)
            case ACCEPTING -> CaseClock.start(execution, TicketSteps.instant(execution, "acceptBy"));
            case RESOLVING -> CaseClock.start(execution, TicketSteps.instant(execution, "resolveBy"));
            case DISPATCHING -> {
                CaseClock.stop(execution);
                // the street desk has no limit; the accept deadline of a department that returned the ticket or
                // let it lapse no longer applies, so cards show no 办理期限 rather than a past one
                execution.removeVariable(CaseClock.DUE_LABEL);
            }
            // confirming and rating keep the resolve deadline in view: the forms compare it with the result
            case CONFIRMING, RATING, CLOSED -> CaseClock.stop(execution);
            default -> throw new IllegalArgumentException("unknown ticket status " + status);
        }
    }

    /** The status in Chinese, as cards, forms and pages show it. */
    public static String label(String status) {
        return switch (status) {
            case DISPATCHING -> "待派单";
            case ACCEPTING -> "待接单";
            case RESOLVING -> "办理中";
            case CONFIRMING -> "待确认";
            case RATING -> "待回访";
            case CLOSED -> "已办结";
            default -> throw new IllegalArgumentException("unknown ticket status " + status);
        };
    }
}
