package cn.lianban.ticket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.SqlIn;

/**
 * Tickets as table ticket_case holds them, for the modules that show tickets (the case page, 我的事项, Open311);
 * they read the table only through this.
 */
@Service
public class TicketCaseReader {

    private final JdbcClient jdbc;

    /** Public for the SQL tests of the modules that read tickets (they run without Spring). */
    public TicketCaseReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TicketCase> find(String businessKey) {
        return Optional.ofNullable(byKeys(List.of(businessKey)).get(businessKey));
    }

    /** The tickets the street raised into the joint-handling case {@code jointCaseKey} (大事不出镇), by key. */
    public List<String> raisedInto(String jointCaseKey) {
        return jdbc.sql("SELECT business_key FROM ticket_case WHERE joint_case_key = ? ORDER BY business_key")
                .param(jointCaseKey).query(String.class).list();
    }

    /**
     * The unsolved tickets, with their department ({@code RESOLVING}) or at the street's decision after it
     * ({@code STREET_DECIDING}), whose resolution limit passed before {@code before}, the longest overdue first:
     * the 督办 ladder's 通报 list; only those of these communities (null: all).
     */
    public List<TicketCase> unsolvedDueBefore(Instant before, Collection<String> communities) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(before)));
        return jdbc.sql("SELECT * FROM ticket_case WHERE status IN ('RESOLVING', 'STREET_DECIDING') "
                        + "AND resolve_by < ?" + SqlIn.and("community_code", communities, args)
                        + " ORDER BY resolve_by, business_key")
                .params(args).query(TicketCase.class).list();
    }

    /** Where an open ticket's clock runs, by unit, for the 时效灯 counts. */
    public record RunningClock(String deptCode, String communityCode, String streetCode, Instant clockStart,
                               Instant clockDue) {
    }

    /** The running clocks of the open tickets (accepting or resolving) of these communities (null: all). */
    public List<RunningClock> runningClocks(Collection<String> communities) {
        List<Object> args = new ArrayList<>();
        return jdbc.sql("SELECT dept_code, community_code, street_code, clock_start, clock_due FROM ticket_case "
                        + "WHERE clock_running AND status <> 'CLOSED' AND clock_due IS NOT NULL"
                        + SqlIn.and("community_code", communities, args))
                .params(args).query(RunningClock.class).list();
    }

    /**
     * Tickets raised in a community under a category of the responsibility list (its Chinese name; null for a ticket
     * off the list), counted in two periods: {@code [from, split)} as {@code previousCount}, {@code [split, to)} as
     * {@code currentCount}.
     */
    public record RaisedCount(String communityCode, String categoryName, long currentCount, long previousCount) {
    }

    /** The tickets raised in {@code [from, to)} in these communities (null: all), by community and category (热点). */
    public List<RaisedCount> raisedCounts(Instant from, Instant split, Instant to, Collection<String> communities) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(split), Timestamp.from(split), Timestamp.from(from),
                Timestamp.from(to)));
        return jdbc.sql("SELECT t.community_code, c.name category_name, "
                        + "SUM(CASE WHEN t.raised_at >= ? THEN 1 ELSE 0 END) current_count, "
                        + "SUM(CASE WHEN t.raised_at < ? THEN 1 ELSE 0 END) previous_count FROM ticket_case t "
                        + "LEFT JOIN responsibility_item i ON i.code = t.item_code "
                        + "LEFT JOIN responsibility_category c ON c.code = i.category "
                        + "WHERE t.raised_at >= ? AND t.raised_at < ?" + SqlIn.and("t.community_code", communities, args)
                        + " GROUP BY t.community_code, c.name")
                .params(args).query(RaisedCount.class).list();
    }

    /**
     * The newest {@code limit} tickets of the communities raised for one of the grids or for no grid, with when they
     * were raised: a grid worker's 我的事项 (issue 14).
     */
    public Map<String, Instant> newestOfGrids(Collection<String> communities, Collection<String> grids, int limit) {
        return jdbc.sql("SELECT business_key, raised_at FROM ticket_case WHERE community_code IN (:communities) "
                        + "AND (grid_code IS NULL OR grid_code IN (:grids)) ORDER BY raised_at DESC, business_key "
                        + "LIMIT :limit")
                .param("communities", communities).param("grids", grids).param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getString("business_key"), rs.getTimestamp("raised_at").toInstant()))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The tickets of these business keys by key; a key without a ticket is left out. */
    public Map<String, TicketCase> byKeys(Collection<String> businessKeys) {
        return SqlIn.inChunks(businessKeys, keys -> jdbc.sql("SELECT * FROM ticket_case WHERE business_key IN (:keys)")
                        .param("keys", keys).query(TicketCase.class).list()).stream()
                .collect(Collectors.toMap(TicketCase::businessKey, c -> c));
    }
}
