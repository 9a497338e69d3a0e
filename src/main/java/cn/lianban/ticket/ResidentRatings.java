package cn.lianban.ticket;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.notify.RatedByResident;
import cn.lianban.notify.ResidentLinks;

/**
 * 回访 by the resident: a ticket raised with a reporterPhone that reaches 待回访 (RATING) sends the resident a link
 * ({@link ResidentLinks}: a token, valid 7 days, used once). The resident's rating ends the rate task through the
 * message {@value #MESSAGE} and closes the ticket with their score; while the link is valid and unused the secretary
 * may not rate for them ({@link #waiting}); after it the secretary's rating is the ticket's, marked 代评.
 */
@Service
class ResidentRatings implements RatedByResident {

    /** The message of the rate task's boundary event (ticket.bpmn, {@code residentRated}). */
    static final String MESSAGE = "residentRating";

    private final ResidentLinks links;
    private final RuntimeService runtime;
    private final TicketService tickets;
    private final TicketCaseReader cases;

    ResidentRatings(ResidentLinks links, RuntimeService runtime, TicketService tickets, TicketCaseReader cases) {
        this.links = links;
        this.runtime = runtime;
        this.tickets = tickets;
        this.cases = cases;
    }

    /** A new link for the ticket, in the step's transaction; returns the token, which only the SMS carries. */
    String issue(String businessKey) {
        return links.issue(businessKey);
    }

    /** Whether the resident may still rate the ticket: a link sent, unused and not expired. */
    boolean waiting(String businessKey) {
        return validUntil(businessKey).isPresent();
    }

    /** Until when the ticket's open link is valid, if one is. */
    Optional<Instant> validUntil(String businessKey) {
        return links.validUntil(businessKey);
    }

    @Override
    public Optional<ResidentLinks.Invitation> invitation(String businessKey) {
        return cases.find(businessKey).map(c -> new ResidentLinks.Invitation(c.businessKey(), "工单", c.itemName(),
                "承办部门", c.deptName(), c.result(), "工单已办结，您的评价将计入部门满意率。"));
    }

    /**
     * The resident's rating: the link is used up, the rate task ends and the ticket closes with this score, all in
     * one transaction; a ticket that no longer waits for a rating refuses the link as an expired one does.
     */
    @Override
    @Transactional
    public void rate(String token, int score, String comment) {
        tickets.checkSatisfaction(score);
        ResidentLinks.Used used = links.use(token, score, comment);
        try {
            runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(used.businessKey())
                    .setVariables(TicketVariables.residentRating(score, used.comment())).correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw ResidentLinks.expired();
        }
    }
}
