package cn.lianban.rates;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.CaseEventRecorded;
import cn.lianban.common.EngineClock;
import cn.lianban.startup.StartupStep;

/**
 * The 三率's counts per month (table ticket_rate_month), so a whole month reads a few rows instead of scanning
 * its events in case_event. Every ticket event that {@code CaseLog} appends changes the counts in the same
 * transaction; rows written into case_event by other means (data loads, tests) are counted by {@link #rebuild()},
 * which recomputes everything with the same SQL over the raw events that the current month still uses.
 */
@Component
@Order(90)
class TicketRateRollup implements StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(TicketRateRollup.class);
    private static final String TICKETS = "business_key LIKE 'TK-%'";

    private final JdbcClient jdbc;
    private final boolean postgres;

    TicketRateRollup(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        }
    }

    /** At start: counts the existing events once, when the table is still empty (first start after V30). */
    @Override
    public void run() {
        boolean empty = jdbc.sql("SELECT COUNT(*) FROM ticket_rate_month").query(Long.class).single() == 0;
        if (empty && jdbc.sql("SELECT COUNT(*) FROM case_event WHERE " + TICKETS).query(Long.class).single() > 0) {
            rebuild();
        }
    }

    /** Recounts every month from the raw events. */
    @Transactional
    public void rebuild() {
        long started = System.nanoTime();
        jdbc.sql("DELETE FROM ticket_rate_month").update();
        Timestamp first = jdbc.sql("SELECT MIN(occurred_at) FROM case_event WHERE " + TICKETS)
                .query(Timestamp.class).optional().orElse(null);
        if (first == null) {
            return;
        }
        Timestamp last = jdbc.sql("SELECT MAX(CASE WHEN due_at > occurred_at THEN due_at ELSE occurred_at END) "
                + "FROM case_event WHERE " + TICKETS).query(Timestamp.class).single();
        int months = 0;
        for (YearMonth next = month(first.toInstant()); !next.isAfter(month(last.toInstant())); next = next.plusMonths(1)) {
            YearMonth m = next;
            Timestamp from = TicketRates.start(m);
            Timestamp to = TicketRates.start(m.plusMonths(1));
            for (TicketRates.By by : TicketRates.By.values()) {
                // every due ticket of the month counts, passed or not: the rollup is read only for whole months
                Map<String, TicketRates.Counts> counts = TicketRates.fromEvents(jdbc, by, from, to, to);
                counts.values().forEach(c -> jdbc.sql("INSERT INTO ticket_rate_month(by_column, group_key, rate_month, "
                                + "dispatched, returned, accepted_on_time, rated, satisfied, due, solved) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?)")
                        .params(by.name(), c.k(), m.toString(), c.dispatched(), c.returned(), c.acceptedOnTime(),
                                c.rated(), c.satisfied(), c.due(), c.solved()).update());
            }
            months++;
        }
        LOG.info("ticket_rate_month: {} month(s) counted from case_event in {} ms", months,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The counts of a whole month, by grouping key. */
    Map<String, TicketRates.Counts> month(TicketRates.By by, YearMonth month) {
        Map<String, TicketRates.Counts> counts = new HashMap<>();
        jdbc.sql("SELECT group_key k, dispatched, returned, accepted_on_time, rated, satisfied, due, solved "
                        + "FROM ticket_rate_month WHERE by_column = ? AND rate_month = ?")
                .params(by.name(), month.toString()).query(TicketRates.Counts.class).list()
                .forEach(c -> counts.put(c.k(), c));
        return counts;
    }

    /** Runs in the transaction of {@code CaseLog.record}, after the row is in case_event. */
    @EventListener
    void recorded(CaseEventRecorded e) {
        if (e.businessKey() == null || !e.businessKey().startsWith("TK-")) {
            return;
        }
        String a = e.action();
        boolean closed = "CLOSED".equals(a);
        long[] event = {is(a, "DISPATCHED"), is(a, "RETURNED"), "ACCEPTED".equals(a) && Boolean.TRUE.equals(e.onTime()) ? 1 : 0,
                closed ? 1 : 0, closed && e.score() != null && e.score() >= 4 ? 1 : 0, 0, 0};
        add(places(e.deptCode(), e.communityCode(), e.streetCode()), month(e.occurredAt()), event);
        if (("ACCEPTED".equals(a) || "IMPOSED".equals(a)) && e.dueAt() != null) {
            long solved = closedCount(e.businessKey()) > 0 ? 1 : 0;
            add(places(e.deptCode(), e.communityCode(), e.streetCode()), month(e.dueAt()),
                    new long[]{0, 0, 0, 0, 0, 1, solved});
        }
        // the first CLOSED solves every due row of the ticket; a second one changes nothing
        if (closed && closedCount(e.businessKey()) == 1) {
            jdbc.sql("SELECT dept_code, community_code, street_code, due_at FROM case_event WHERE business_key = ? "
                            + "AND action IN ('ACCEPTED', 'IMPOSED') AND due_at IS NOT NULL")
                    .param(e.businessKey()).query(DueRow.class).list()
                    .forEach(d -> add(places(d.deptCode(), d.communityCode(), d.streetCode()),
                            month(d.dueAt().toInstant()), new long[]{0, 0, 0, 0, 0, 0, 1}));
        }
    }

    private long closedCount(String businessKey) {
        return jdbc.sql("SELECT COUNT(*) FROM case_event WHERE business_key = ? AND action = 'CLOSED'")
                .param(businessKey).query(Long.class).single();
    }

    private static long is(String action, String wanted) {
        return wanted.equals(action) ? 1 : 0;
    }

    private static Map<TicketRates.By, String> places(String dept, String community, String street) {
        // always in the same order, so two transactions take the row locks of a month in the same order
        Map<TicketRates.By, String> keys = new EnumMap<>(TicketRates.By.class);
        keys.put(TicketRates.By.DEPT, dept);
        keys.put(TicketRates.By.COMMUNITY, community);
        keys.put(TicketRates.By.STREET, street);
        return keys;
    }

    /** Adds to the rows of the month; a row is created at its first event, as the raw SQL lists a key then. */
    private void add(Map<TicketRates.By, String> keys, YearMonth month, long[] d) {
        keys.forEach((by, key) -> {
            if (key == null) {
                return;
            }
            create(by, key, month);
            jdbc.sql("UPDATE ticket_rate_month SET dispatched = dispatched + ?, returned = returned + ?, "
                            + "accepted_on_time = accepted_on_time + ?, rated = rated + ?, satisfied = satisfied + ?, "
                            + "due = due + ?, solved = solved + ? WHERE by_column = ? AND group_key = ? AND rate_month = ?")
                    .params(d[0], d[1], d[2], d[3], d[4], d[5], d[6], by.name(), key, month.toString()).update();
        });
    }

    private void create(TicketRates.By by, String key, YearMonth month) {
        if (postgres) {
            // two transactions creating the same row at once must not abort one of them
            jdbc.sql("INSERT INTO ticket_rate_month(by_column, group_key, rate_month) VALUES (?,?,?) ON CONFLICT DO NOTHING")
                    .params(by.name(), key, month.toString()).update();
            return;
        }
        try {
            jdbc.sql("INSERT INTO ticket_rate_month(by_column, group_key, rate_month) SELECT ?,?,? FROM (VALUES (1)) "
                            + "WHERE NOT EXISTS (SELECT 1 FROM ticket_rate_month WHERE by_column = ? AND group_key = ? "
                            + "AND rate_month = ?)")
                    .params(by.name(), key, month.toString(), by.name(), key, month.toString()).update();
        } catch (DuplicateKeyException anotherTransactionWasFaster) {
            // H2 keeps the transaction after a failed statement, and the row exists now, which is all we need
        }
    }

    private static YearMonth month(Instant instant) {
        return YearMonth.from(instant.atZone(EngineClock.ZONE));
    }

    private record DueRow(String deptCode, String communityCode, String streetCode, Timestamp dueAt) {
    }
}
