package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Enters a ticket's status, once per step: the BPMN's listeners call {@code ${ticketStatus.enter(execution,
 * 'ACCEPTING')}} (the engine turns the text into the enum), registration and closing call it too. {@code status},
 * its Chinese {@code statusLabel} and the clock Tasklist cards show change together. Only accepting (24 hours) and
 * resolving (the item's working days) run against a limit; the street desk, the community's confirmation and the
 * visit do not. The ticket's ticket_case row follows in the same transaction ({@link TicketCases}), and
 * the SMS to the resident who reported it ({@link TicketSms}). Public because the engine's expression language calls only public classes.
 */
@Component("ticketStatus")
public class TicketStatusListener {

    private final TicketCases cases;
    private final TicketSms sms;

    TicketStatusListener(TicketCases cases, TicketSms sms) {
        this.cases = cases;
        this.sms = sms;
    }

    public void enter(DelegateExecution execution, TicketStatus status) {
        TicketVariables ticket = new TicketVariables(execution);
        ticket.setStatus(status);
        switch (status) {
            // the limits were set by the step before: OpenAcceptance (acceptBy), AcceptTicket, ImposeDepartment
            // and ReopenTicket (resolveBy)
            case ACCEPTING -> ticket.startClock(ticket.acceptBy());
            case RESOLVING -> ticket.startClock(ticket.resolveBy());
            // the street desk has no limit; the accept deadline of a department that returned the ticket or let it
            // lapse no longer applies, so cards show no 办理期限 rather than a past one
            // the street desk deciding on a ticket not solved twice or long overdue has no limit either
            case DISPATCHING, STREET_DECIDING -> ticket.stopClockAndDeadline();
            // confirming and rating keep the resolve deadline in view: the forms compare it with the result
            case CONFIRMING, RATING, CLOSED, JOINT -> ticket.stopClock();
        }
        cases.entered(execution, status);
        sms.entered(ticket, status);
    }
}
