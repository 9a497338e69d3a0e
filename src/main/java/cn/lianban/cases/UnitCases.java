package cn.lianban.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.lianban.common.SqlIn;

/**
 * The cases and tickets of units, newest first, from the project's own tables (issue_summary, case_event), where
 * a street's thousands of cases are paged by the database instead of being collected from Camunda's history.
 */
@Repository
class UnitCases {

    private final JdbcTemplate jdbc;

    UnitCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest {@code limit} cases of the communities (issue_summary) and tickets of the communities or
     * dispatched to the departments (case_event), with when they were filed.
     */
    Map<String, Instant> newest(Set<String> communities, Set<String> depts, int limit) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!communities.isEmpty()) {
            parts.add("SELECT business_key, filed_at AS filed FROM issue_summary WHERE community_code IN ("
                    + SqlIn.marks(communities) + ")");
            parts.add("SELECT business_key, occurred_at AS filed FROM case_event WHERE action = 'RAISED' AND "
                    + "business_key LIKE 'TK-%' AND community_code IN (" + SqlIn.marks(communities) + ")");
            args.addAll(communities);
            args.addAll(communities);
        }
        if (!depts.isEmpty()) {
            parts.add("SELECT r.business_key, r.occurred_at AS filed FROM case_event d JOIN case_event r ON "
                    + "r.business_key = d.business_key AND r.action = 'RAISED' WHERE d.action IN ('DISPATCHED', "
                    + "'IMPOSED') AND d.business_key LIKE 'TK-%' AND d.dept_code IN (" + SqlIn.marks(depts) + ")");
            args.addAll(depts);
        }
        Map<String, Instant> found = new HashMap<>();
        if (parts.isEmpty()) {
            return found;
        }
        args.add(limit);
        jdbc.query("SELECT DISTINCT business_key, filed FROM (" + String.join(" UNION ALL ", parts)
                + ") units ORDER BY filed DESC, business_key LIMIT ?", rs -> {
                    found.putIfAbsent(rs.getString("business_key"), rs.getTimestamp("filed").toInstant());
                }, args.toArray());
        return found;
    }

    /**
     * The newest {@code limit} cases of the communities filed for one of the grids or for no grid (a grid worker's,
     * issue 14), with when they were filed.
     */
    Map<String, Instant> ofGrids(Set<String> communities, Set<String> grids, int limit) {
        Map<String, Instant> found = new HashMap<>();
        List<Object> args = new ArrayList<>(communities);
        args.addAll(grids);
        args.add(limit);
        jdbc.query("SELECT business_key, filed_at FROM issue_summary WHERE community_code IN ("
                + SqlIn.marks(communities) + ") AND (grid_code IS NULL OR grid_code IN (" + SqlIn.marks(grids) + ")) ORDER BY filed_at DESC, "
                + "business_key LIMIT ?", rs -> {
                    found.put(rs.getString("business_key"), rs.getTimestamp("filed_at").toInstant());
                }, args.toArray());
        return found;
    }

    /** The newest {@code limit} cases of an area convened to a joint meeting (what its deputies follow). */
    Map<String, Instant> convened(String areaCode, int limit) {
        Map<String, Instant> found = new HashMap<>();
        jdbc.query("SELECT business_key, filed_at FROM issue_summary WHERE area_code = ? AND meeting_at IS NOT NULL"
                + " ORDER BY filed_at DESC, business_key LIMIT ?", rs -> {
                    found.put(rs.getString("business_key"), rs.getTimestamp("filed_at").toInstant());
                }, areaCode, limit);
        return found;
    }
}
