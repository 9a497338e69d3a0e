package cn.lianban.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.lianban.common.CaseClock;
import cn.lianban.ticket.TicketCase;

/**
 * One joint-handling case or ticket, running or finished: its instance as Camunda's history has it, and its
 * business data: a ticket's row of table ticket_case ({@code ticket}), a case's process-level variables as they
 * stand now ({@code variables}, empty for a ticket).
 */
record CaseFacts(String businessKey, String process, String processInstanceId, String startUserId,
                 Instant startedAt, Instant endedAt, Map<String, Object> variables, TicketCase ticket) {

    static final String JOINT_HANDLING = "joint-handling";
    static final String TICKET = "ticket";

    boolean isTicket() {
        return TICKET.equals(process);
    }

    String status() {
        return isTicket() ? ticket.status() : text("status");
    }

    String description() {
        return isTicket() ? ticket.description() : text("description");
    }

    String communityCode() {
        return isTicket() ? ticket.communityCode() : text("communityCode");
    }

    String communityName() {
        return isTicket() ? ticket.communityName() : text("communityName");
    }

    /** The deadline of the case's running clock, kept when the clock stops; null when none ever ran. */
    Instant clockDue() {
        return isTicket() ? ticket.clockDue() : instant(CaseClock.DUE);
    }

    Instant clockStart() {
        return isTicket() ? ticket.clockStart() : instant(CaseClock.START);
    }

    boolean clockRunning() {
        return isTicket() ? ticket.clockRunning() : text(CaseClock.LIGHT) != null;
    }

    String text(String name) {
        Object value = variables.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    Integer number(String name) {
        return variables.get(name) instanceof Number n ? n.intValue() : null;
    }

    Instant instant(String name) {
        return variables.get(name) instanceof Date d ? d.toInstant() : null;
    }

    /** A list variable (e.g. coDepts) as strings; empty when unset. */
    List<String> list(String name) {
        return variables.get(name) instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }
}
