package cn.lianban.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.lianban.common.SqlIn;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.directory.IssueCategories;
import cn.lianban.issue.IssueStatus;
import cn.lianban.ticket.TicketCaseReader;

/**
 * 热点 (issue 14): the communities and the categories with the most new joint-handling cases and tickets in a month,
 * each beside the month before. A case is counted in the month it was filed, a ticket in the month it was raised (a
 * ticket raised into a case counts as both, as both were new work); a case merged into another (已并案) is left out,
 * as everywhere on the dashboard. Categories go by their Chinese name, so a case's 交通出行 and the list's 交通出行
 * are one row; a ticket off the list counts as 清单外事项.
 */
@Service
class HotSpots {

    /** Rows per table: the hot spots, not a full breakdown (the exports of the other tables have that). */
    static final int TOP = 10;
    static final String UNLISTED = "清单外事项";

    private final JdbcTemplate jdbc;
    private final TicketCaseReader tickets;
    private final Directory directory;

    HotSpots(JdbcTemplate jdbc, TicketCaseReader tickets, Directory directory) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.directory = directory;
    }

    /** One row: how many new cases and tickets this month and the month before. */
    record Spot(String name, long count, long previous) {

        /**
         * ＋3, －2, 持平, or 新增 when the month before had none. Full-width signs, as Chinese text writes them: a CSV
         * cell starting with an ASCII + or - would be guarded against formulas ({@link CellGuard}) and show a quote.
         */
        public String change() {
            if (previous == 0) {
                return "新增";
            }
            long difference = count - previous;
            return difference > 0 ? "＋" + difference : difference < 0 ? "－" + -difference : "持平";
        }
    }

    /** The top communities and the top categories of the month, most first. */
    record Spots(List<Spot> communities, List<Spot> categories) {

        /** The page's two tables, side by side. */
        public List<Table> tables() {
            return List.of(new Table("社区", "hot-communities", communities), new Table("类别", "hot-categories",
                    categories));
        }
    }

    record Table(String kind, String id, List<Spot> spots) {
    }

    /** The month's hot spots in these communities (null: the whole city). */
    Spots of(YearMonth month, Set<String> communities) {
        Map<String, long[]> byCommunity = new LinkedHashMap<>();
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(List.of(DashboardFigures.start(month), DashboardFigures.start(month),
                DashboardFigures.start(month.minusMonths(1)), DashboardFigures.start(month.plusMonths(1)),
                IssueStatus.MERGED.name()));
        jdbc.query("SELECT community_code, category, SUM(CASE WHEN filed_at >= ? THEN 1 ELSE 0 END) current_count, "
                + "SUM(CASE WHEN filed_at < ? THEN 1 ELSE 0 END) previous_count FROM issue_summary "
                + "WHERE filed_at >= ? AND filed_at < ? AND status <> ?" + SqlIn.and("community_code", communities, args)
                + " GROUP BY community_code, category", rs -> {
            String category = rs.getString("category");
            add(byCommunity, byCategory, rs.getString("community_code"),
                    category == null ? IssueCategories.chineseName("OTHER") : IssueCategories.chineseName(category),
                    rs.getLong("current_count"), rs.getLong("previous_count"));
        }, args.toArray());
        for (TicketCaseReader.RaisedCount c : tickets.raisedCounts(DashboardFigures.start(month.minusMonths(1))
                        .toInstant(), DashboardFigures.start(month).toInstant(),
                DashboardFigures.start(month.plusMonths(1)).toInstant(), communities)) {
            add(byCommunity, byCategory, c.communityCode(), c.categoryName() == null ? UNLISTED : c.categoryName(),
                    c.currentCount(), c.previousCount());
        }
        return new Spots(top(byCommunity, code -> directory.community(code).map(Community::name).orElse(code)),
                top(byCategory, Function.identity()));
    }

    private static void add(Map<String, long[]> byCommunity, Map<String, long[]> byCategory, String community,
                            String category, long current, long previous) {
        for (long[] counts : List.of(byCommunity.computeIfAbsent(community, k -> new long[2]),
                byCategory.computeIfAbsent(category, k -> new long[2]))) {
            counts[0] += current;
            counts[1] += previous;
        }
    }

    /** Those with new ones this month, most first (then more the month before, then by name), at most {@link #TOP}. */
    private static List<Spot> top(Map<String, long[]> counts, Function<String, String> name) {
        return counts.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new Spot(name.apply(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(Spot::count).reversed()
                        .thenComparing(Comparator.comparingLong(Spot::previous).reversed())
                        .thenComparing(Spot::name))
                .limit(TOP).toList();
    }
}
