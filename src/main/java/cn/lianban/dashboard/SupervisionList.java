package cn.lianban.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.SqlIn;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Street;
import cn.lianban.issue.IssueStatus;
import cn.lianban.ticket.TicketCase;
import cn.lianban.ticket.TicketCaseReader;
import cn.lianban.ticket.TicketStatus;

/**
 * The 督办 ladder's monthly 通报 list (issue 13): every joint-handling case and ticket that is past its limit by
 * {@link #LISTED_FROM} working days or more and not done, computed from the due dates and the working calendar, so it
 * needs no timer in the processes. A case is done when its handling ended (评价销号 or 已销号) or its clock no longer
 * runs (e.g. put on a register); a ticket when its department resolved it. An escalated case or a restarted clock has
 * a new limit, and the case leaves the list until that one passes too.
 */
@Service
class SupervisionList {

    /** From the fifth overdue working day an item is on the list. */
    static final int LISTED_FROM = 5;

    /**
     * One item of the list.
     *
     * @param kind        联席汇办 or 工单
     * @param unit        who has it: the handling unit of a case, the department of a ticket
     * @param overdueDays working days since the limit passed, counting today when it is one
     */
    record Item(String kind, String caseNo, String processInstanceId, String title, String communityCode,
                String communityName, String streetName, String unit, Instant due, int overdueDays,
                String statusLabel) {

        /** The limit as people read it, e.g. 2026-05-06 18:00. */
        public String dueLabel() {
            return LocalTimes.minutes(due);
        }
    }

    private final JdbcClient jdbc;
    private final TicketCaseReader tickets;
    private final WorkingCalendar calendar;
    private final Directory directory;

    SupervisionList(JdbcClient jdbc, TicketCaseReader tickets, WorkingCalendar calendar, Directory directory) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.calendar = calendar;
        this.directory = directory;
    }

    private record CaseRow(String businessKey, String processInstanceId, String title, String communityCode,
                           String communityName, String streetCode, String handleGroup, String statusLabel,
                           Instant dueAt) {
    }

    /** The list as of today for these communities (null: the whole city), the longest overdue first. */
    List<Item> items(Set<String> communities) {
        LocalDate today = EngineClock.now().toLocalDate();
        Timestamp cutoff = Timestamp.from(cutoff(today));
        List<Item> items = new ArrayList<>();
        List<Object> args = new ArrayList<>(List.of(cutoff, IssueStatus.RATING.name(), IssueStatus.EVALUATING.name(),
                IssueStatus.CLOSED.name()));
        jdbc.sql("SELECT business_key, process_instance_id, title, community_code, community_name, street_code, "
                        + "handle_group, status_label, due_at FROM issue_summary WHERE clock_running AND due_at < ? "
                        + "AND status NOT IN (?, ?, ?)" + SqlIn.and("community_code", communities, args))
                .params(args).query(CaseRow.class).list()
                .forEach(r -> items.add(new Item("联席汇办", r.businessKey(), r.processInstanceId(), r.title(),
                        r.communityCode(), r.communityName(), streetName(r.streetCode()),
                        r.handleGroup() == null ? "" : directory.unitName(r.handleGroup()), r.dueAt(),
                        overdueDays(r.dueAt(), today), r.statusLabel())));
        for (TicketCase t : tickets.unsolvedDueBefore(cutoff.toInstant(), communities)) {
            items.add(new Item("工单", t.businessKey(), t.processInstanceId(),
                    t.title() != null ? t.title() : t.itemName(), t.communityCode(), t.communityName(),
                    streetName(t.streetCode()), t.deptName(), t.resolveBy(), overdueDays(t.resolveBy(), today),
                    TicketStatus.valueOf(t.status()).label()));
        }
        items.sort(Comparator.comparing(Item::due).thenComparing(Item::caseNo));
        return items;
    }

    /**
     * The limits that passed before this instant are {@link #LISTED_FROM} or more working days overdue today: the
     * start of the first overdue working day of a limit that is on the list today at the latest.
     */
    Instant cutoff(LocalDate today) {
        LocalDate day = calendar.isWorkingDay(today) ? today : calendar.previousWorkingDay(today);
        for (int i = 1; i < LISTED_FROM; i++) {
            day = calendar.previousWorkingDay(day);
        }
        return day.atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** The working days after the limit's day up to today, today included. */
    int overdueDays(Instant due, LocalDate today) {
        int days = 0;
        for (LocalDate d = due.atZone(WorkingCalendar.ZONE).toLocalDate().plusDays(1); !d.isAfter(today);
             d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    private String streetName(String code) {
        return code == null ? "" : directory.street(code).map(Street::name).orElse(code);
    }
}
