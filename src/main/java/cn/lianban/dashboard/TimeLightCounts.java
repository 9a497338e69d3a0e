package cn.lianban.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.EngineClock;
import cn.lianban.common.SqlIn;
import cn.lianban.common.TimeLight;
import cn.lianban.directory.Community;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Street;
import cn.lianban.directory.UnitType;
import cn.lianban.issue.IssueStatus;
import cn.lianban.ticket.TicketCaseReader;

/**
 * The 时效灯 counted per unit (issue 13): how many open joint-handling cases and tickets whose clock runs are green,
 * yellow and red, for each department, community and street. The light is the clock the process keeps in the
 * projections (issue_summary, ticket_case) as of now, on working days: the same rule the process's refresher writes
 * onto the cards. A case counts for the department that handles it (levels 3–5), a ticket for its department.
 */
@Service
class TimeLightCounts {

    /** The units of one kind (部门, 社区 or 街道) with an open clock in scope, by name. */
    record Units(String kind, List<Row> rows) {
    }

    /** One unit's counts of cases and of tickets by light. */
    record Row(String code, String name, long caseGreen, long caseYellow, long caseRed, long ticketGreen,
               long ticketYellow, long ticketRed) {
    }

    /** A running clock with its light as of now, worked out once for the three tables that count it. */
    private record Clock(boolean ticket, String deptCode, String communityCode, String streetCode, TimeLight light) {
    }

    private record CaseClock(String handleGroup, String communityCode, String streetCode, Instant clockStart,
                             Instant clockDue) {
    }

    private final JdbcClient jdbc;
    private final TicketCaseReader tickets;
    private final Directory directory;
    private final WorkingCalendar calendar;

    TimeLightCounts(JdbcClient jdbc, TicketCaseReader tickets, Directory directory, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.directory = directory;
        this.calendar = calendar;
    }

    /** Departments, communities, streets. */
    List<Units> units(Set<String> communities) {
        Instant now = EngineClock.now().toInstant();
        List<Clock> clocks = new ArrayList<>();
        List<Object> args = new ArrayList<>(List.of(IssueStatus.CLOSED.name()));
        jdbc.sql("SELECT handle_group, community_code, street_code, clock_start, clock_due FROM issue_summary "
                        + "WHERE clock_running AND status <> ? AND clock_start IS NOT NULL AND clock_due IS NOT NULL"
                        + SqlIn.and("community_code", communities, args))
                .params(args).query(CaseClock.class).list().stream()
                .forEach(c -> clocks.add(new Clock(false, c.handleGroup() == null ? null
                        : UnitType.DEPT.codeIn(c.handleGroup()), c.communityCode(), c.streetCode(),
                        light(c.clockStart(), c.clockDue(), now))));
        tickets.runningClocks(communities).stream().filter(t -> t.clockStart() != null).forEach(t -> clocks.add(
                new Clock(true, t.deptCode(), t.communityCode(), t.streetCode(), light(t.clockStart(), t.clockDue(),
                        now))));
                return List.of(
                new Units("部门", count(clocks, Clock::deptCode,
                        code -> directory.department(code).map(Department::name).orElse(code))),
                new Units("社区", count(clocks, Clock::communityCode,
                        code -> directory.community(code).map(Community::name).orElse(code))),
                new Units("街道", count(clocks, Clock::streetCode,
                        code -> directory.street(code).map(Street::name).orElse(code))));
    }

    private TimeLight light(Instant start, Instant due, Instant now) {
        return TimeLight.of(start, due, now, calendar::isWorkingDay);
    }

    /** Per unit: cases green, yellow, red, then tickets green, yellow, red (in the order of {@link TimeLight}). */
    private List<Row> count(List<Clock> clocks, Function<Clock, String> unit, Function<String, String> name) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Clock c : clocks) {
            String code = unit.apply(c);
            if (code != null) {
                counts.computeIfAbsent(code, k -> new long[6])[(c.ticket() ? 3 : 0) + c.light().ordinal()]++;
            }
        }
        return counts.entrySet().stream()
                .map(e -> {
                    long[] n = e.getValue();
                    return new Row(e.getKey(), name.apply(e.getKey()), n[0], n[1], n[2], n[3], n[4], n[5]);
                })
                .sorted(Comparator.comparing(Row::name)).toList();
    }
}
