package cn.lianban.ticket;

import java.time.Instant;

/**
 * What a mail about a ticket says and whom it concerns, filled from the ticket's variables by the step that sends
 * it; {@link TicketMails} builds the mail from this alone.
 *
 * @param deptCode  the department that has the ticket, null while it waits at the street desk
 * @param acceptBy  the department's 24 hours to accept, null before the first dispatch
 * @param resolveBy the resolution limit, null before it is accepted
 */
record TicketMail(String caseNo, String title, String description, String communityCode, String communityName,
                  String streetGroup, String deptCode, String deptName, Instant acceptBy, Instant resolveBy) {

    static TicketMail of(TicketVariables ticket) {
        return new TicketMail(ticket.caseNo(), ticket.title(), ticket.description(), ticket.communityCode(),
                ticket.communityName(), ticket.streetGroup(), ticket.deptCode(), ticket.deptName(), ticket.acceptBy(),
                ticket.resolveBy());
    }
}
