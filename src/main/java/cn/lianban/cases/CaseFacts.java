package cn.lianban.cases;

import java.time.Instant;

import cn.lianban.common.Position;
import cn.lianban.issue.IssueCase;
import cn.lianban.ticket.TicketCase;

/**
 * One joint-handling case or ticket, running or finished: its instance as Camunda's history has it, and its
 * business data, the row its process keeps: a case's of table issue_summary ({@code issue}, null for a ticket), a
 * ticket's of table ticket_case ({@code ticket}, null for a case).
 */
record CaseFacts(String businessKey, String process, String processInstanceId, String startUserId,
                 Instant startedAt, Instant endedAt, IssueCase issue, TicketCase ticket) {

    static final String JOINT_HANDLING = "joint-handling";
    static final String TICKET = "ticket";

    boolean isTicket() {
        return TICKET.equals(process);
    }

    String status() {
        return isTicket() ? ticket.status() : issue.status();
    }

    String description() {
        return isTicket() ? ticket.description() : issue.description();
    }

    String communityCode() {
        return isTicket() ? ticket.communityCode() : issue.communityCode();
    }

    /** The grid the case or ticket was filed for; null for the whole community. */
    String gridCode() {
        return isTicket() ? ticket.gridCode() : issue.gridCode();
    }

    /** The name of {@link #gridCode()}'s grid; null for the whole community. */
    String gridName() {
        return isTicket() ? ticket.gridName() : issue.gridName();
    }

    String communityName() {
        return isTicket() ? ticket.communityName() : issue.communityName();
    }

    /** The filing's 具体位置 as typed, or null. */
    String location() {
        return isTicket() ? ticket.location() : issue.location();
    }

    /** Where the problem is (WGS-84), or null when the filing gave no position. */
    Position position() {
        Double lat = isTicket() ? ticket.lat() : issue.lat();
        Double lon = isTicket() ? ticket.lon() : issue.lon();
        return lat == null || lon == null ? null : new Position(lat, lon);
    }

    /** The deadline of the case's running clock, kept when the clock stops; null when none ever ran. */
    Instant clockDue() {
        return isTicket() ? ticket.clockDue() : issue.clockDue();
    }

    Instant clockStart() {
        return isTicket() ? ticket.clockStart() : issue.clockStart();
    }

    boolean clockRunning() {
        return isTicket() ? ticket.clockRunning() : issue.clockRunning();
    }
}
