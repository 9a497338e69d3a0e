package cn.lianban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.common.EngineClock;
import cn.lianban.directory.IssueCategories;
import cn.lianban.support.MigratedDb;
import cn.lianban.support.Postgres;
import cn.lianban.ticket.TicketCaseReader;

/**
 * 热点 (issue 14) on H2 and on PostgreSQL: the top communities and categories of a month, with the month before, are
 * what the raw rows of issue_summary and ticket_case say, read one by one; merged cases, other months and the
 * boundaries of the months (Beijing time) are kept apart; a street's scope sees only its communities.
 */
class HotSpotsTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void onH2() {
        try (MigratedDb db = MigratedDb.h2()) {
            figuresAreTheRawRows(db);
        }
    }

    @Test
    void onPostgres() {
        figuresAreTheRawRows(MigratedDb.on(postgres.newDatabase("hotspots")));
    }

    private static void figuresAreTheRawRows(MigratedDb db) {
        JdbcTemplate jdbc = db.jdbc;
        // May: 金沙东 (C-DL-01) 2 cases + 2 tickets, C-DL-02 1 case, C-XJ-01 1 ticket off the list
        issue(jdbc, "JH-2026-000001", "C-DL-01", "TRAFFIC", "ASSIGNED", "2026-05-01T00:00");
        issue(jdbc, "JH-2026-000002", "C-DL-01", "ENVIRONMENT", "RATING", "2026-05-31T23:59");
        issue(jdbc, "JH-2026-000003", "C-DL-02", "TRAFFIC", "CLOSED", "2026-05-10T09:00");
        ticket(jdbc, "TK-2026-000001", "C-DL-01", "R-001", "2026-05-03T10:00");
        ticket(jdbc, "TK-2026-000002", "C-DL-01", "R-001", "2026-05-04T10:00");
        ticket(jdbc, "TK-2026-000003", "C-XJ-01", null, "2026-05-05T10:00");
        // merged into another case: not counted
        issue(jdbc, "JH-2026-000004", "C-DL-02", "TRAFFIC", "MERGED", "2026-05-11T09:00");
        // April: 金沙东 3 (so +1), C-DL-02 1 (持平), C-XJ-01 none (新增)
        issue(jdbc, "JH-2026-000005", "C-DL-01", "TRAFFIC", "CLOSED", "2026-04-01T00:00");
        ticket(jdbc, "TK-2026-000004", "C-DL-01", "R-001", "2026-04-15T10:00");
        ticket(jdbc, "TK-2026-000005", "C-DL-01", "R-001", "2026-04-30T23:59");
        ticket(jdbc, "TK-2026-000006", "C-DL-02", "R-001", "2026-04-20T10:00");
        // outside both months
        issue(jdbc, "JH-2026-000006", "C-DL-01", "TRAFFIC", "CLOSED", "2026-03-31T23:59");
        ticket(jdbc, "TK-2026-000007", "C-DL-01", "R-001", "2026-06-01T00:00");

        HotSpots hotSpots = new HotSpots(jdbc, new TicketCaseReader(JdbcClient.create(jdbc)), db.directory);
        HotSpots.Spots city = hotSpots.of(MAY, null);
        assertThat(city.communities()).isEqualTo(expected(jdbc, db, true, null));
        assertThat(city.categories()).isEqualTo(expected(jdbc, db, false, null));
        String jinsha = db.directory.community("C-DL-01").orElseThrow().name();
        assertThat(city.communities()).extracting(s -> s.name() + " " + s.count() + " " + s.previous() + " "
                + s.change()).startsWith(jinsha + " 4 3 ＋1");
        assertThat(city.communities()).extracting(HotSpots.Spot::change).containsExactly("＋1", "持平", "新增");
        assertThat(city.categories()).extracting(s -> s.name() + " " + s.count() + " " + s.change())
                .containsExactly("市容环境 2 －1", "交通出行 2 ＋1", "清单外事项 1 新增", "环境卫生 1 新增");

        // a street's or a community's scope: only its own
        HotSpots.Spots own = hotSpots.of(MAY, Set.of("C-DL-01"));
        assertThat(own.communities()).isEqualTo(expected(jdbc, db, true, Set.of("C-DL-01")));
        assertThat(own.communities()).extracting(HotSpots.Spot::name).containsExactly(jinsha);
        assertThat(own.categories()).isEqualTo(expected(jdbc, db, false, Set.of("C-DL-01")));
        assertThat(hotSpots.of(MAY, Set.of()).communities()).isEmpty();
    }

    /** The figures from the raw rows, one by one: the month each was new in, its community and category. */
    private static List<HotSpots.Spot> expected(JdbcTemplate jdbc, MigratedDb db, boolean byCommunity,
                                                Set<String> scope) {
        Map<String, long[]> counts = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : jdbc.queryForList("SELECT community_code, category, status, filed_at FROM issue_summary")) {
            if (!"MERGED".equals(r.get("status"))) {
                rows.add(Map.of("community", r.get("community_code"), "category",
                        IssueCategories.chineseName((String) r.get("category")), "at", r.get("filed_at")));
            }
        }
        for (Map<String, Object> r : jdbc.queryForList("SELECT t.community_code, t.item_code, t.raised_at, "
                + "(SELECT c.name FROM responsibility_item i JOIN responsibility_category c ON c.code = i.category "
                + "WHERE i.code = t.item_code) category FROM ticket_case t")) {
            rows.add(Map.of("community", r.get("community_code"), "category",
                    r.get("category") == null ? "清单外事项" : r.get("category"), "at", r.get("raised_at")));
        }
        for (Map<String, Object> r : rows) {
            if (scope != null && !scope.contains((String) r.get("community"))) {
                continue;
            }
            YearMonth month = YearMonth.from(((Timestamp) r.get("at")).toInstant().atZone(EngineClock.ZONE));
            int slot = month.equals(MAY) ? 0 : month.equals(MAY.minusMonths(1)) ? 1 : -1;
            if (slot >= 0) {
                String key = byCommunity ? db.directory.community((String) r.get("community")).orElseThrow().name()
                        : (String) r.get("category");
                counts.computeIfAbsent(key, k -> new long[2])[slot]++;
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new HotSpots.Spot(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(HotSpots.Spot::count).reversed()
                        .thenComparing(Comparator.comparingLong(HotSpots.Spot::previous).reversed())
                        .thenComparing(HotSpots.Spot::name))
                .limit(HotSpots.TOP).toList();
    }

    private static void issue(JdbcTemplate jdbc, String key, String community, String category, String status,
                              String beijing) {
        jdbc.update("INSERT INTO issue_summary(business_key, process_instance_id, community_code, category, status, "
                + "filed_at) VALUES (?, ?, ?, ?, ?, ?)", key, "p-" + key, community, category, status, at(beijing));
    }

    private static void ticket(JdbcTemplate jdbc, String key, String community, String item, String beijing) {
        jdbc.update("INSERT INTO ticket_case(business_key, process_instance_id, item_code, community_code, raised_via, "
                        + "status, status_at, raised_at) VALUES (?, ?, ?, ?, 'GRID', 'ACCEPTING', ?, ?)", key, "p-" + key,
                item, community, at(beijing), at(beijing));
    }

    private static Timestamp at(String beijing) {
        return Timestamp.from(LocalDateTime.parse(beijing).atZone(EngineClock.ZONE).toInstant());
    }
}
