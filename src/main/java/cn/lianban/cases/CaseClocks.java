package cn.lianban.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.CaseClock;
import cn.lianban.common.EngineClock;
import cn.lianban.common.SqlIn;
import cn.lianban.common.TimeLight;
import cn.lianban.ticket.TicketCase;

/**
 * The deadline and 时效灯 of cases as of now. A case whose process keeps {@link CaseClock}'s variables is read
 * from them ({@code timeLight} null: no clock runs). Cases started before those variables existed are worked out
 * from what they have: the deadline variable of the step they wait in ({@code dueDate}, {@code acceptBy},
 * {@code resolveBy}) and, as the clock's start, the last audit entry that set it. Closed cases have no light.
 */
@Service
class CaseClocks {

    /** Joint-handling steps that (re)start the handling clock. */
    private static final Set<String> CASE_STARTS = Set.of("ASSIGNED", "MEETING", "ESCALATED", "REOPENED",
            "ESCALATION_DENIED", "CENTER_REMINDED");
    private static final Set<String> ACCEPT_STARTS = Set.of("DISPATCHED");
    private static final Set<String> RESOLVE_STARTS = Set.of("ACCEPTED", "IMPOSED", "REOPENED");

    private final JdbcTemplate jdbc;
    private final WorkingCalendar calendar;

    CaseClocks(JdbcTemplate jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    record Reading(Instant due, TimeLight light) {
    }

    /** Readings by business key, for one case or one page of a list. */
    Map<String, Reading> read(Collection<CaseFacts> cases) {
        Map<String, Map<String, Instant>> starts = lastStarts(cases.stream().filter(c -> c.clockDue() == null)
                .map(CaseFacts::businessKey).toList());
        Map<String, Reading> readings = new HashMap<>();
        for (CaseFacts c : cases) {
            readings.put(c.businessKey(), read(c, starts.getOrDefault(c.businessKey(), Map.of())));
        }
        return readings;
    }

    private Reading read(CaseFacts c, Map<String, Instant> starts) {
        String status = c.status();
        boolean closed = c.endedAt() != null || "CLOSED".equals(status);
        Instant due = c.clockDue();
        if (due != null) {
            boolean running = !closed && c.clockRunning();
            return new Reading(due, running ? light(c.clockStart(), due) : null);
        }
        if (!c.isTicket()) {
            boolean running = !closed && ("MEETING".equals(status) || "HANDLING".equals(status));
            return reading(c.issue().dueAt(), running, latest(starts, CASE_STARTS, c.startedAt()));
        }
        TicketCase ticket = c.ticket();
        if ("ACCEPTING".equals(status) && !closed) {
            return reading(ticket.acceptBy(), true, latest(starts, ACCEPT_STARTS, c.startedAt()));
        }
        Instant resolveBy = ticket.resolveBy();
        return reading(resolveBy != null ? resolveBy : ticket.acceptBy(), "RESOLVING".equals(status) && !closed,
                latest(starts, RESOLVE_STARTS, c.startedAt()));
    }

    private Reading reading(Instant due, boolean running, Instant start) {
        return new Reading(due, running && due != null ? light(start, due) : null);
    }

    /** The light on working days, as the process's refresher sets it. */
    private TimeLight light(Instant start, Instant due) {
        Instant now = EngineClock.now().toInstant();
        return TimeLight.of(start == null || start.isAfter(due) ? now : start, due, now,
                calendar::isWorkingDay);
    }

    private static Instant latest(Map<String, Instant> starts, Set<String> actions, Instant otherwise) {
        return starts.entrySet().stream().filter(e -> actions.contains(e.getKey())).map(Map.Entry::getValue)
                .max(Instant::compareTo).orElse(otherwise);
    }

    /** Business key → action → when it last happened, for the clock-starting actions. */
    private Map<String, Map<String, Instant>> lastStarts(List<String> businessKeys) {
        Map<String, Map<String, Instant>> starts = new HashMap<>();
        if (businessKeys.isEmpty()) {
            return starts;
        }
        List<String> actions = new ArrayList<>(CASE_STARTS);
        actions.addAll(ACCEPT_STARTS);
        actions.addAll(RESOLVE_STARTS);
        List<Object> args = new ArrayList<>(businessKeys);
        args.addAll(actions);
        jdbc.query("SELECT business_key, action, MAX(occurred_at) AS at FROM case_event WHERE business_key IN ("
                + SqlIn.marks(businessKeys) + ") AND action IN (" + SqlIn.marks(actions) + ") GROUP BY business_key, action",
                rs -> {
                    starts.computeIfAbsent(rs.getString("business_key"), k -> new HashMap<>())
                            .put(rs.getString("action"), rs.getTimestamp("at").toInstant());
                }, args.toArray());
        return starts;
    }
}
