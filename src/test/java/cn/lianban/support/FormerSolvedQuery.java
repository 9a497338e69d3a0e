package cn.lianban.support;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.rates.TicketRates;

/**
 * The resolution rate's due and solved counts as TicketRates read them before V14 (a correlated EXISTS per due
 * ticket), kept as the reference the rewritten query must equal: in TicketRatesSqlTest and in the benchmark.
 */
public final class FormerSolvedQuery {

    private FormerSolvedQuery() {
    }

    /** "due/solved" per key of the grouping, for tickets due in [from, to) and no later than now. */
    public static Map<String, String> dueAndSolved(JdbcTemplate jdbc, TicketRates.By by, Timestamp from, Timestamp to,
                                                   Timestamp now) {
        String c = switch (by) {
            case DEPT -> "dept_code";
            case COMMUNITY -> "community_code";
            case STREET -> "street_code";
        };
        Map<String, String> counts = new TreeMap<>();
        jdbc.query("SELECT a." + c + " k, COUNT(*) due, SUM(CASE WHEN EXISTS (SELECT 1 FROM case_event s "
                        + "WHERE s.business_key = a.business_key AND s.action = 'CLOSED') THEN 1 ELSE 0 END) solved "
                        + "FROM case_event a WHERE a.business_key LIKE 'TK-%' AND a." + c + " IS NOT NULL "
                        + "AND a.action IN ('ACCEPTED', 'IMPOSED') AND a.due_at >= ? AND a.due_at < ? AND a.due_at <= ? "
                        + "GROUP BY a." + c,
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3));
                }, from, to, now);
        return counts;
    }

    /** The same counts from the current TicketRates, for comparison. */
    public static Map<String, String> current(TicketRates rates, YearMonth month, TicketRates.By by) {
        Map<String, String> counts = new TreeMap<>();
        rates.rates(month, by).stream().filter(r -> r.due() > 0)
                .forEach(r -> counts.put(r.key(), r.due() + "/" + r.solved()));
        return counts;
    }
}
