package cn.lianban.rates;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.database.Databases;

/**
 * The 三率's monthly counts (ticket_rate_month), folded from the audit trail by one writer at a time, and read
 * back together with the events appended since, so the figures always equal the SQL over the raw events.
 * <p>
 * Why a fold and not counters kept by the ticket steps: every event of a street in a month would update the same
 * row, and concurrent ticket starts deadlocked on those rows (issue #12, KillDuringBurstTest). The fold runs on a
 * schedule, in batches of ids; the one-row table ticket_rate_fold holds how far it got ({@code folded_to}) and is
 * locked with {@code FOR UPDATE SKIP LOCKED} while a batch is folded, so a second node skips its turn instead of
 * counting the same events twice, and a batch that fails leaves nothing behind.
 * <p>
 * Ids are taken before commit, so a transaction holding a lower id may commit after a higher one is visible. The
 * fold therefore only goes up to a candidate id seen earlier: at least {@code lianban.rates.fold-after} earlier by
 * the database's clock, and on PostgreSQL only once every transaction that was running then has ended. Readers
 * add the events after {@code folded_to}, whatever their order.
 * <p>
 * "Due and solved" is not a count of events of one month: a ticket due in one month may be closed months later.
 * The rollup counts, per month of the deadline, the due rows folded and those whose ticket has a folded CLOSED
 * row; a late CLOSED adds to the month of the ticket's deadline when it is folded, and readers correct the rows
 * the rollup counts otherwise than the raw SQL (see {@link #counts}). A ticket raised into a joint-handling case
 * (RAISED_TO_CASE) is neither solved nor lost: its due rows are not counted once the raise is folded, and a raise
 * folded after them takes them back out of the month of their deadline.
 */
@Component
public class TicketRateRollup {

    private static final String TICKET = "business_key LIKE 'TK-%'";
    private static final String DUE_ROW = "a.business_key LIKE 'TK-%' AND a.action IN ('ACCEPTED', 'IMPOSED')";
    private static final String PLACES = "dept_code, community_code, street_code";
    private static final String RAISED = "s.action = '" + TicketRates.RAISED + "'";
    /**
     * Tickets closed after the fold that a read names one by one (a fold's minute at Longkou holds a few, at
     * Beijing's peak a few hundred); more are read by a subquery.
     */
    static final int FEW = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean postgres;
    private final Duration settle;
    private final long batch;
    private final Duration keep;

    TicketRateRollup(DataSource dataSource, PlatformTransactionManager transactions,
                     @Value("${lianban.rates.fold-after:PT10S}") Duration settle,
                     @Value("${lianban.rates.fold-batch:500000}") long batch,
                     @Value("${lianban.retention.figures:1095d}") Duration keep) throws SQLException {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.postgres = Databases.isPostgres(dataSource);
        this.settle = settle;
        this.batch = batch;
        this.keep = keep;
    }

    /**
     * Folds every settled event into the monthly counts, a batch of ids per transaction; returns how many ids
     * the fold advanced (0 when nothing had settled yet or another node was folding).
     */
    public long refresh() {
        long folded = 0;
        for (long step = foldBatch(); step > 0; step = foldBatch()) {
            folded += step;
        }
        return folded;
    }

    /** One transaction: lock the fold row, fold the next settled batch of ids, move {@code folded_to}. */
    private long foldBatch() {
        Long done = tx.execute(status -> {
            Optional<Mark> locked = jdbc.sql("SELECT folded_to, candidate, candidate_seen_at, candidate_xmax, "
                    + "LOCALTIMESTAMP db_now FROM ticket_rate_fold WHERE id = 1 FOR UPDATE SKIP LOCKED")
                    .query(Mark.class).optional();
            if (locked.isEmpty()) {
                return 0L;
            }
            Mark mark = locked.get();
            if (mark.candidate() <= mark.foldedTo()) {
                mark = observe(mark);
            }
            if (mark.candidate() <= mark.foldedTo()
                    || mark.candidateSeenAt().toInstant().plus(settle).isAfter(mark.dbNow().toInstant())
                    || postgres && stillRunningBefore(mark.candidateXmax())) {
                return 0L;
            }
            long to = Math.min(mark.candidate(), mark.foldedTo() + batch);
            fold(mark.foldedTo(), to);
            jdbc.sql("UPDATE ticket_rate_fold SET folded_to = ? WHERE id = 1").param(to).update();
            return to - mark.foldedTo();
        });
        return done == null ? 0 : done;
    }

    /**
     * Whether a transaction other than this one that had started when the candidate was seen is still running:
     * it may hold an id below the candidate and commit it later.
     */
    private boolean stillRunningBefore(long xmax) {
        return jdbc.sql("SELECT COUNT(*) FROM pg_snapshot_xip(pg_current_snapshot()) x WHERE x < ?::text::xid8 "
                + "AND x IS DISTINCT FROM pg_current_xact_id_if_assigned()").param(xmax).query(Long.class).single() > 0;
    }

    /** The highest id committed now becomes the candidate, with the time and (PostgreSQL) the transactions of now. */
    private Mark observe(Mark mark) {
        Candidate c = jdbc.sql("SELECT COALESCE(MAX(id), 0) id, "
                + (postgres ? "pg_snapshot_xmax(pg_current_snapshot())::text::bigint" : "NULL") + " xmax FROM case_event")
                .query(Candidate.class).single();
        jdbc.sql("UPDATE ticket_rate_fold SET candidate = ?, candidate_seen_at = ?, candidate_xmax = ? WHERE id = 1")
                .params(c.id(), mark.dbNow(), c.xmax()).update();
        return new Mark(mark.foldedTo(), c.id(), mark.dbNow(), c.xmax(), mark.dbNow());
    }

    /**
     * Adds the events with ids in (from, to] to the monthly counts: one statement for the events and one for the
     * due rows, each naming the month of every row, so that a batch of half a million ids is one pass each.
     */
    private void fold(long from, long to) {
        Map<Cell, TicketRates.Counts> delta = new HashMap<>();
        // the events, by the month they occurred in
        Range occurred = jdbc.sql("SELECT MIN(occurred_at) lo, MAX(occurred_at) hi FROM case_event WHERE " + TICKET
                + " AND id > ? AND id <= ?").params(from, to).query(Range.class).single();
        if (occurred.lo() != null) {
            jdbc.sql("SELECT rate_month, " + PLACES + ", COUNT(*) events, " + TicketRates.EVENT_SUMS + "0 due, "
                            + "0 solved FROM (SELECT " + monthOf("e.occurred_at", occurred) + " rate_month, e.* "
                            + "FROM case_event e WHERE " + TICKET + " AND id > ? AND id <= ?) x "
                            + "GROUP BY rate_month, " + PLACES)
                    .params(from, to).query(Place.class).list().forEach(p -> p.addTo(delta));
        }
        // the due rows, by the month of their deadline: the new ones (solved if their ticket has a CLOSED row up
        // to the end of the batch), and the older ones of tickets whose first CLOSED row is in the batch. EXISTS
        // in WHERE lets the planner join in bulk for a big batch and look up row by row for a small one.
        String fresh = DUE_ROW + " AND a.due_at IS NOT NULL AND a.id > :from AND a.id <= :to";
        String lateClosed = DUE_ROW + " AND a.due_at IS NOT NULL AND a.id <= :from AND a.business_key IN ("
                + "SELECT s.business_key FROM case_event s WHERE s.action = 'CLOSED' AND s.id > :from AND s.id <= :to) "
                + "AND NOT EXISTS (SELECT 1 FROM case_event s WHERE s.business_key = a.business_key "
                + "AND s.action = 'CLOSED' AND s.id <= :from)";
        // the older due rows of tickets raised into a joint-handling case in the batch leave the count (a ticket
        // is raised once, and never closed after)
        String lateRaised = DUE_ROW + " AND a.due_at IS NOT NULL AND a.id <= :from AND a.business_key IN ("
                + "SELECT s.business_key FROM case_event s WHERE " + RAISED + " AND s.id > :from AND s.id <= :to)";
        Range due = jdbc.sql("SELECT MIN(due_at) lo, MAX(due_at) hi FROM (SELECT a.due_at FROM case_event a WHERE "
                + fresh + " UNION ALL SELECT a.due_at FROM case_event a WHERE " + lateClosed
                + " UNION ALL SELECT a.due_at FROM case_event a WHERE " + lateRaised + ") d")
                .param("from", from).param("to", to).query(Range.class).single();
        if (due.lo() != null) {
            String month = monthOf("a.due_at", due) + " rate_month, a.dept_code, a.community_code, a.street_code";
            jdbc.sql("SELECT rate_month, " + PLACES + ", 0 events, 0 dispatched, 0 returned, 0 accepted_on_time, "
                            + "0 rated, 0 satisfied, 0 raised, 0 resident_rated, SUM(due) due, SUM(solved) solved FROM ("
                            + "SELECT " + month + ", 1 due, 0 solved FROM case_event a WHERE " + fresh
                            + " AND NOT EXISTS (SELECT 1 FROM case_event s WHERE s.business_key = a.business_key "
                            + "AND " + RAISED + " AND s.id <= :to)"
                            + " UNION ALL SELECT " + month + ", 0, 1 FROM case_event a WHERE " + fresh
                            + " AND EXISTS (SELECT 1 FROM case_event s WHERE s.business_key = a.business_key "
                            + "AND s.action = 'CLOSED' AND s.id <= :to)"
                            + " UNION ALL SELECT " + month + ", 0, 1 FROM case_event a WHERE " + lateClosed
                            + " UNION ALL SELECT " + month + ", -1, 0 FROM case_event a WHERE " + lateRaised
                            + ") d GROUP BY rate_month, " + PLACES)
                    .param("from", from).param("to", to).query(Place.class).list().forEach(p -> p.addTo(delta));
        }
        // one writer at a time (the fold row's lock): update, or insert the row a key's first event makes
        delta.forEach((cell, d) -> {
            List<Object> counts = List.of(d.events(), d.dispatched(), d.returned(), d.acceptedOnTime(), d.rated(),
                    d.satisfied(), d.due(), d.solved(), d.raised(), d.residentRated(), cell.by().name(),
                    cell.month().toString(), cell.key());
            int updated = jdbc.sql("UPDATE ticket_rate_month SET events = events + ?, dispatched = dispatched + ?, "
                    + "returned = returned + ?, accepted_on_time = accepted_on_time + ?, rated = rated + ?, "
                    + "satisfied = satisfied + ?, due = due + ?, solved = solved + ?, raised = raised + ?, "
                    + "resident_rated = resident_rated + ? "
                    + "WHERE by_column = ? AND rate_month = ? AND group_key = ?").params(counts).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO ticket_rate_month(events, dispatched, returned, accepted_on_time, rated, "
                        + "satisfied, due, solved, raised, resident_rated, by_column, rate_month, group_key) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)").params(counts).update();
            }
        });
    }

    /**
     * Whether the rollup answers for the month: not for the months at the edge of the trail's retention
     * ({@code lianban.retention.figures}), where the nightly cleanup has deleted some of the events the rollup
     * counted (including, a month on, the acceptances of tickets due there: time limits stay under four weeks).
     */
    boolean covers(YearMonth month, Instant now) {
        return !month.isBefore(firstCovered(now));
    }

    YearMonth firstCovered(Instant now) {
        return YearMonth.from(now.minus(keep).atZone(EngineClock.ZONE)).plusMonths(2);
    }

    /**
     * A month's counts: the rollup's rows, plus the events after {@code folded_to}, plus a correction for the due
     * rows the rollup counts otherwise than the raw SQL. Those are the due rows after {@code folded_to} (not
     * counted yet), those due later than {@code now} (the raw SQL counts a deadline only once it has passed), and
     * those of tickets with a CLOSED row after {@code folded_to} (solved now, maybe not in the rollup): for each,
     * what the raw SQL counts minus what the rollup counted.
     */
    Map<String, TicketRates.Counts> counts(YearMonth month, TicketRates.By by, Instant now) {
        Map<String, TicketRates.Counts> counts = new HashMap<>();
        long[] foldedTo = {0};
        // the rows with the watermark they were folded to, in one statement: a fold committing between two
        // statements would otherwise count its events twice or not at all
        jdbc.sql("SELECT f.folded_to, m.group_key, m.events, m.dispatched, m.returned, m.accepted_on_time, m.rated, "
                        + "m.satisfied, m.due, m.solved, m.raised, m.resident_rated FROM ticket_rate_fold f LEFT JOIN ticket_rate_month m "
                        + "ON m.by_column = ? AND m.rate_month = ? WHERE f.id = 1")
                .params(by.name(), month.toString()).query(rs -> {
                    foldedTo[0] = rs.getLong("folded_to");
                    String key = rs.getString("group_key");
                    if (key != null) {
                        TicketRates.Counts.add(counts, new TicketRates.Counts(key, rs.getLong("events"),
                                rs.getLong("dispatched"), rs.getLong("returned"), rs.getLong("accepted_on_time"),
                                rs.getLong("rated"), rs.getLong("satisfied"), rs.getLong("due"), rs.getLong("solved"),
                                rs.getLong("raised"), rs.getLong("resident_rated")));
                    }
                });
        String c = by.column;
        Timestamp start = TicketRates.start(month);
        Timestamp end = TicketRates.start(month.plusMonths(1));
        jdbc.sql("SELECT " + c + " k, COUNT(*) events, " + TicketRates.EVENT_SUMS + "0 due, 0 solved FROM case_event "
                        + "WHERE id > ? AND " + TICKET + " AND " + c + " IS NOT NULL AND occurred_at >= ? "
                        + "AND occurred_at < ? GROUP BY " + c)
                .params(foldedTo[0], start, end).query(TicketRates.Counts.class).list()
                .forEach(n -> TicketRates.Counts.add(counts, n));
        // the due rows to correct, each kind only where there can be any, and the tickets closed after the fold
        // named when they are few (a minute of events), so that no plan scans the month's due rows for them
        String due = "SELECT a.id, a.business_key, a." + c + " k, a.due_at FROM case_event a WHERE " + DUE_ROW
                + " AND a." + c + " IS NOT NULL AND a.due_at >= :start AND a.due_at < :end AND ";
        StringBuilder rows = new StringBuilder(due).append("a.id > :folded");
        if (end.toInstant().isAfter(now)) {
            rows.append(" UNION ").append(due).append("a.due_at > :now");
        }
        List<String> closed = jdbc.sql("SELECT DISTINCT business_key FROM case_event WHERE id > ? AND action = 'CLOSED' "
                + "FETCH FIRST " + (FEW + 1) + " ROWS ONLY").param(foldedTo[0]).query(String.class).list();
        // tickets raised into a joint-handling case after the fold: few, by an index on the action
        rows.append(" UNION ").append(due).append("a.business_key IN (SELECT s.business_key FROM case_event s WHERE "
                + RAISED + " AND s.id > :folded)");
        if (closed.size() > FEW) {
            rows.append(" UNION ").append(due).append("a.business_key IN (SELECT s.business_key FROM case_event s "
                    + "WHERE s.action = 'CLOSED' AND s.id > :folded)");
        } else if (!closed.isEmpty()) {
            rows.append(" UNION ").append(due).append("a.business_key IN (:closed)");
        }
        jdbc.sql("SELECT a.k, 0 events, 0 dispatched, 0 returned, 0 accepted_on_time, 0 rated, 0 satisfied, 0 raised, "
                        + "0 resident_rated, "
                        + "SUM(CASE WHEN a.due_at <= :now AND a.first_raised IS NULL THEN 1 ELSE 0 END) "
                        + "- SUM(CASE WHEN a.id <= :folded AND (a.first_raised IS NULL OR a.first_raised > :folded) "
                        + "THEN 1 ELSE 0 END) due, "
                        + "SUM(CASE WHEN a.due_at <= :now AND a.first_closed IS NOT NULL THEN 1 ELSE 0 END) "
                        + "- SUM(CASE WHEN a.id <= :folded AND a.first_closed <= :folded THEN 1 ELSE 0 END) solved "
                        + "FROM (SELECT d.id, d.k, d.due_at, (SELECT MIN(s.id) FROM case_event s "
                        + "WHERE s.business_key = d.business_key AND s.action = 'CLOSED') first_closed, "
                        + "(SELECT MIN(s.id) FROM case_event s WHERE s.business_key = d.business_key AND " + RAISED
                        + ") first_raised FROM ("
                        + rows + ") d) a GROUP BY a.k")
                .param("start", start).param("end", end).param("now", Timestamp.from(now))
                .param("folded", foldedTo[0]).param("closed", closed).query(TicketRates.Counts.class).list()
                .forEach(n -> TicketRates.Counts.add(counts, n));
        // listed as the raw SQL lists: a key with ticket events in the month, or with tickets due by now
        counts.values().removeIf(n -> n.events() == 0 && n.due() == 0);
        return counts;
    }

    /** Removes the months the rollup no longer answers for; returns the rows deleted. */
    int removeBefore(Instant now) {
        return jdbc.sql("DELETE FROM ticket_rate_month WHERE rate_month < ?").param(firstCovered(now).toString())
                .update();
    }

    /**
     * SQL naming the month (yyyy-MM, Beijing time) of a timestamp column within the range: the month starts are
     * written out as literals in the form the driver gives a {@link Timestamp} parameter, the JVM's zone.
     */
    private static String monthOf(String column, Range range) {
        StringBuilder sql = new StringBuilder("CASE");
        YearMonth last = month(range.hi());
        for (YearMonth m = month(range.lo()); !m.isAfter(last); m = m.plusMonths(1)) {
            sql.append(" WHEN ").append(column).append(" < TIMESTAMP '").append(TicketRates.start(m.plusMonths(1)))
                    .append("' THEN '").append(m).append('\'');
        }
        return sql.append(" END").toString();
    }

    private static YearMonth month(Timestamp at) {
        return YearMonth.from(at.toInstant().atZone(EngineClock.ZONE));
    }

    private record Mark(long foldedTo, long candidate, Timestamp candidateSeenAt, Long candidateXmax,
                        Timestamp dbNow) {
    }

    private record Candidate(long id, Long xmax) {
    }

    private record Range(Timestamp lo, Timestamp hi) {
    }

    private record Cell(TicketRates.By by, YearMonth month, String key) {
    }

    /**
     * Counts of one combination of month, department, community and street, added to each of the three
     * groupings.
     */
    private record Place(String rateMonth, String deptCode, String communityCode, String streetCode, long events,
                         long dispatched, long returned, long acceptedOnTime, long rated, long satisfied, long due,
                         long solved, long raised, long residentRated) {

        void addTo(Map<Cell, TicketRates.Counts> delta) {
            YearMonth month = YearMonth.parse(rateMonth);
            for (TicketRates.By by : TicketRates.By.values()) {
                String key = switch (by) {
                    case DEPT -> deptCode;
                    case COMMUNITY -> communityCode;
                    case STREET -> streetCode;
                };
                if (key != null) {
                    delta.merge(new Cell(by, month, key), new TicketRates.Counts(key, events, dispatched, returned,
                            acceptedOnTime, rated, satisfied, due, solved, raised, residentRated),
                            TicketRates.Counts::plus);
                }
            }
        }
    }
}
