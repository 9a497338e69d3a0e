package cn.lianban.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * What Camunda's history holds of one joint-handling case or ticket, running or finished: the instance and its
 * process-level variables as they stand now.
 */
record CaseFacts(String businessKey, String process, String processInstanceId, String startUserId,
                 Instant startedAt, Instant endedAt, Map<String, Object> variables) {

    static final String JOINT_HANDLING = "joint-handling";
    static final String TICKET = "ticket";

    boolean isTicket() {
        return TICKET.equals(process);
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
