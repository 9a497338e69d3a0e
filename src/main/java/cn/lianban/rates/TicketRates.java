package cn.lianban.rates;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.lianban.common.EngineClock;

/**
 * 三率 of 双联双促 for a month, per department, community or street, computed from the ticket events
 * in the audit trail (never from counters kept by the process: a month's counts are folded from the trail by
 * {@link TicketRateRollup}, and the events after the fold are counted at each read, so the figures always equal
 * the SQL over the raw events):
 * <ul>
 * <li>按时接单率 = accepted within the 24-hour limit ÷ (dispatched − returned with a reason), by event month;</li>
 * <li>解决率 = closed as solved ÷ all due: tickets whose resolution deadline fell in the month (and has passed),
 * less those the street raised into a joint-handling case (大事不出镇, RAISED_TO_CASE): such a ticket is neither
 * solved nor lost, it is counted apart as {@code raised} in the month it was raised;</li>
 * <li>满意率 = rated 4–5 ÷ all rated in the month: the score of each CLOSED entry, the resident's own when they
 * rated through the rating link (counted apart as {@code residentRated}), the secretary's 代评 otherwise.</li>
 * </ul>
 */
@Service
public class TicketRates {

    /** What the figures are grouped by. */
    public enum By {
        DEPT("dept_code", "SELECT code, name FROM department"),
        COMMUNITY("community_code", "SELECT code, name FROM community"),
        STREET("street_code", "SELECT code, name FROM street");

        final String column;
        final String names;

        By(String column, String names) {
            this.column = column;
            this.names = names;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketRateRollup rollup;

    TicketRates(JdbcClient jdbc, Clock clock, TicketRateRollup rollup) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rollup = rollup;
    }

    /** Ranked best first by the average of the rates that have a denominator. */
    public List<Rate> rates(YearMonth month, By by) {
        Instant now = clock.instant();
        Map<String, Counts> counts = rollup.covers(month, now) ? rollup.counts(month, by, now)
                : raw(jdbc, month, by, now);
        Map<String, String> names = new HashMap<>();
        jdbc.sql(by.names).query(Name.class).list().forEach(n -> names.put(n.code(), n.name()));
        List<Rate> rates = new ArrayList<>();
        for (Counts c : counts.values()) {
            rates.add(new Rate(c.k(), names.getOrDefault(c.k(), c.k()), c.dispatched(), c.returned(),
                    c.acceptedOnTime(), c.due(), c.solved(), c.rated(), c.satisfied(), c.raised(),
                    c.residentRated()));
        }
        rates.sort(Comparator.comparing(Rate::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Rate::key));
        return rates;
    }

    /**
     * The month's counts straight from the audit trail: the reference the rollup must equal (tests), and the
     * figures of months at the edge of the trail's retention, where the rollup no longer matches what is left.
     */
    static Map<String, Counts> raw(JdbcClient jdbc, YearMonth month, By by, Instant now) {
        Timestamp from = start(month);
        Timestamp to = start(month.plusMonths(1));
        String c = by.column;
        String tickets = "business_key LIKE 'TK-%' AND " + c + " IS NOT NULL";
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("SELECT " + c + " k, COUNT(*) events, " + EVENT_SUMS + "0 due, 0 solved "
                        + "FROM case_event WHERE " + tickets + " AND occurred_at >= ? AND occurred_at < ? GROUP BY " + c)
                .params(from, to).query(Counts.class).list().forEach(n -> Counts.add(counts, n));
        // Solved = the ticket has a CLOSED event. A correlated EXISTS looked that up once per due ticket: 0.3 s
        // for the 60,000 tickets due in a busy month, even from an index (bench/). Instead the CLOSED keys are
        // read once, limited to the key range of the due tickets (keys follow the order tickets are raised in, so
        // the range is narrow), and joined. DISTINCT keeps a key with two CLOSED events from counting twice. The
        // due rows of tickets raised into a joint-handling case are left out alike (raised_key: a few).
        jdbc.sql("WITH due_ticket AS (SELECT a.business_key, a." + c + " k FROM case_event a "
                        + "WHERE a.business_key LIKE 'TK-%' AND a." + c + " IS NOT NULL "
                        + "AND a.action IN ('ACCEPTED', 'IMPOSED') AND a.due_at >= ? AND a.due_at < ? AND a.due_at <= ? "
                        + "AND a.business_key NOT IN (SELECT r.business_key FROM case_event r "
                        + "WHERE r.action = '" + RAISED + "')), "
                        + "closed_key AS (SELECT DISTINCT s.business_key FROM case_event s WHERE s.action = 'CLOSED' "
                        + "AND s.business_key >= (SELECT MIN(business_key) FROM due_ticket) "
                        + "AND s.business_key <= (SELECT MAX(business_key) FROM due_ticket)) "
                        + "SELECT d.k, 0 events, 0 dispatched, 0 returned, 0 accepted_on_time, 0 rated, 0 satisfied, "
                        + "0 raised, 0 resident_rated, COUNT(*) due, COUNT(s.business_key) solved FROM due_ticket d "
                        + "LEFT JOIN closed_key s ON s.business_key = d.business_key GROUP BY d.k")
                .params(from, to, Timestamp.from(now)).query(Counts.class).list().forEach(n -> Counts.add(counts, n));
        return counts;
    }

    /** The sums over ticket events that the rates count, by the event's month (raw SQL and rollup alike). */
    static final String EVENT_SUMS = "SUM(CASE WHEN action = 'DISPATCHED' THEN 1 ELSE 0 END) dispatched, "
            + "SUM(CASE WHEN action = 'RETURNED' THEN 1 ELSE 0 END) returned, "
            + "SUM(CASE WHEN action = 'ACCEPTED' AND on_time THEN 1 ELSE 0 END) accepted_on_time, "
            + "SUM(CASE WHEN action = 'CLOSED' THEN 1 ELSE 0 END) rated, "
            + "SUM(CASE WHEN action = 'CLOSED' AND score >= 4 THEN 1 ELSE 0 END) satisfied, "
            + "SUM(CASE WHEN action = '" + TicketRates.RAISED + "' THEN 1 ELSE 0 END) raised, "
            + "SUM(CASE WHEN action = '" + TicketRates.RESIDENT_RATED + "' THEN 1 ELSE 0 END) resident_rated, ";

    /** The action of a ticket the street raised into a joint-handling case (ticket/RaiseJointCase). */
    static final String RAISED = "RAISED_TO_CASE";
    /** The resident's own rating (ticket/CloseTicket), written with the CLOSED entry that carries its score. */
    static final String RESIDENT_RATED = "RESIDENT_RATED";

    /** The first moment of the month in Beijing time, as the events' timestamps are stored. */
    static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(EngineClock.ZONE).toInstant());
    }

    /**
     * A grouping key's counts in a month; {@code events} counts all its ticket events there, so that a key with
     * events but none the rates count is still listed, as the raw SQL lists it.
     */
    record Counts(String k, long events, long dispatched, long returned, long acceptedOnTime, long rated,
                  long satisfied, long due, long solved, long raised, long residentRated) {

        Counts plus(Counts o) {
            return new Counts(k, events + o.events, dispatched + o.dispatched, returned + o.returned,
                    acceptedOnTime + o.acceptedOnTime, rated + o.rated, satisfied + o.satisfied, due + o.due,
                    solved + o.solved, raised + o.raised, residentRated + o.residentRated);
        }

        static void add(Map<String, Counts> counts, Counts c) {
            counts.merge(c.k(), c, Counts::plus);
        }
    }

    private record Name(String code, String name) {
    }

    /**
     * The counts behind the three rates; a rate is null when nothing counts towards it. {@code raised}: tickets the
     * street raised into a joint-handling case in the month, which {@code due} leaves out. {@code residentRated}: of
     * {@code rated}, the ratings the resident gave through the rating link; the others are the secretary's 代评.
     */
    public record Rate(String key, String name, long dispatched, long returned, long acceptedOnTime, long due,
                       long solved, long rated, long satisfied, long raised, long residentRated) {

        @JsonProperty
        public Double acceptanceRate() {
            return ratio(acceptedOnTime, dispatched - returned);
        }

        @JsonProperty
        public Double resolutionRate() {
            return ratio(solved, due);
        }

        @JsonProperty
        public Double satisfactionRate() {
            return ratio(satisfied, rated);
        }

        /** Average of the rates that exist, for ranking. */
        @JsonProperty
        public Double score() {
            double sum = 0;
            int n = 0;
            for (Double r : new Double[]{acceptanceRate(), resolutionRate(), satisfactionRate()}) {
                if (r != null) {
                    sum += r;
                    n++;
                }
            }
            return n == 0 ? null : sum / n;
        }

        private static Double ratio(long part, long whole) {
            return whole <= 0 ? null : (double) part / whole;
        }
    }
}
