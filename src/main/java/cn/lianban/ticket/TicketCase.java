package cn.lianban.ticket;

import java.time.Instant;

/**
 * A ticket's row in table ticket_case: its business data as the process last wrote it, for the modules that show
 * tickets (the case page, 我的事项, Open311), read through {@link TicketCaseReader}. Null where the ticket has not
 * come that far (no department while the street desk dispatches it, no result before it is resolved).
 *
 * @param raisedBy     the raiser's login; null when the system raised it (Open311)
 * @param raisedVia    how it was raised: {@link Via}
 * @param status       a {@link TicketStatus} by name
 * @param statusAt     when it last entered a status
 * @param clockDue     the deadline of its running clock, kept when the clock stops
 * @param clockRunning whether a clock runs now (accepting and resolving)
 * @param jointCaseKey the joint-handling case the street raised it into (大事不出镇), null when not raised
 * @param lat          where the problem is, WGS-84 degrees, or null (with {@code lon}: both or neither)
 * @param reporterPhoneLast4 the last four digits of the resident's mobile it was raised with, null without one
 * @param satisfactionBy who gave {@code satisfaction}, null before it is rated
 */
public record TicketCase(String businessKey, String processInstanceId, String itemCode, String itemName, String title,
                         String description, String location, String communityCode, String communityName,
                         String gridCode, String gridName, String streetCode, String raisedBy, Via raisedVia,
                         Long memberId, String memberName, String deptCode, String deptName, String status,
                         Instant statusAt, int returns, int reopens, Integer resolveDays, Instant raisedAt,
                         Instant acceptBy, Instant acceptedAt, Instant resolveBy, Instant resolvedAt, Instant closedAt,
                         Instant clockStart, Instant clockDue, boolean clockRunning, boolean overdue, String result,
                         Boolean solved, Integer satisfaction, String jointCaseKey, Double lat, Double lon,
                         String reporterPhoneLast4,
                         RatedBy satisfactionBy) {

    /** Who gave a ticket's satisfaction score. */
    public enum RatedBy {
        /** The resident who reported it, through the rating link sent by SMS (居民评价). */
        RESIDENT("居民评价"),
        /** The community secretary in the rate task, on the resident's behalf (代评). */
        PROXY("代评");

        private final String label;

        RatedBy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who raised the ticket, and how. */
    public enum Via {
        /** A community secretary for the whole community (点单). */
        COMMUNITY,
        /** For one grid of the community. */
        GRID,
        /** An agency member sent down to the community (吹哨). */
        MEMBER,
        /** No login: an outside app through Open311, the only way the system raises a ticket. */
        OPEN311
    }
}
