package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.common.EngineClock;
import cn.lianban.notify.ResidentLinks;
import cn.lianban.support.Postgres;

/**
 * Table ticket_case's SQL on PostgreSQL 17 (the other tests run on H2): insert, update, read; and resident_rating's
 * links. Without Spring or the engine.
 */
class TicketCaseSqlPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        DataSource db = postgres.newDatabase("tickets");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(db);
    }

    @Test
    void aRowIsInsertedUpdatedAndReadBackAsWritten() {
        TicketCases cases = new TicketCases(jdbc);
        TicketCaseReader reader = new TicketCaseReader(jdbc);
        Instant raised = Instant.parse("2026-03-02T02:00:00Z");
        Instant due = Instant.parse("2026-03-03T02:00:00Z");
        TicketCase accepting = new TicketCase("TK-2026-000001", "p1", "R-001", "占道经营", "占道经营",
                "菜市场门口有流动摊贩占道经营", "华山路菜市场东门", "C-1", "金沙东社区", "G-1", "第一网格", "S-1", "gridworker",
                TicketCase.Via.GRID, null, null, "urban", "城市管理局", "ACCEPTING", raised, 0, 0, 3, raised, due, null,
                null, null, null, raised, due, true, false, null, null, null, null, 37.640123, 120.330456, null,
                null);
        cases.save(accepting);
        assertThat(reader.find("TK-2026-000001")).contains(accepting);

        Instant later = raised.plusSeconds(3600);
        TicketCase overdue = new TicketCase("TK-2026-000001", "p1", "R-001", "占道经营", "占道经营",
                "菜市场门口有流动摊贩占道经营", "华山路菜市场东门", "C-1", "金沙东社区", "G-1", "第一网格", "S-1", "gridworker",
                TicketCase.Via.GRID, null, null, "urban", "城市管理局", "RESOLVING", null, 0, 0, 3, later, due, later,
                due, null, null, later, due, true, true, null, null, null, "JH-2026-000001", 37.640123, 120.330456,
                "5678", TicketCase.RatedBy.PROXY);
        cases.save(overdue);
        TicketCase read = reader.find("TK-2026-000001").orElseThrow();
        assertThat(read.statusAt()).as("kept when not given").isEqualTo(raised);
        assertThat(read.raisedAt()).as("set on insert only").isEqualTo(raised);
        assertThat(read.overdue()).isTrue();
        assertThat(read.reporterPhoneLast4()).isEqualTo("5678");
        assertThat(read.satisfactionBy()).isEqualTo(TicketCase.RatedBy.PROXY);
        assertThat(read.acceptedAt()).isEqualTo(later);
        assertThat(reader.byKeys(List.of("TK-2026-000001", "TK-2026-000404"))).containsOnlyKeys("TK-2026-000001");

        // the 督办 通报 list and the 时效灯 counts read it too
        assertThat(reader.unsolvedDueBefore(due.plusSeconds(1), null)).extracting(TicketCase::businessKey)
                .containsExactly("TK-2026-000001");
        assertThat(reader.unsolvedDueBefore(due, null)).isEmpty();
        assertThat(reader.runningClocks(null)).containsExactly(
                new TicketCaseReader.RunningClock("urban", "C-1", "S-1", later, due));
    }

    @Test
    void aGridWorkersTicketsAreHisGridsAndTheCommunitysNewestFirst() {
        TicketCases cases = new TicketCases(jdbc);
        TicketCaseReader reader = new TicketCaseReader(jdbc);
        Instant t = Instant.parse("2026-04-01T02:00:00Z");
        String[][] rows = {{"TK-2026-000101", "G-1"}, {"TK-2026-000102", "G-2"}, {"TK-2026-000103", null},
                {"TK-2026-000104", "G-1"}};
        for (int i = 0; i < rows.length; i++) {
            Instant raised = t.plusSeconds(60L * i);
            cases.save(new TicketCase(rows[i][0], "g" + i, null, null, "网格工单", "描述", null, "C-2", "金沙西社区",
                    rows[i][1], null, "S-1", "gridworker", TicketCase.Via.GRID, null, null, null, null, "DISPATCHING",
                    raised, 0, 0, null, raised, null, null, null, null, null, null, null, false, false, null, null, null,
                    null, null, null, null, null));
        }
        // issue 14: his grid's and those of the whole community (no grid), not the other grid's
        assertThat(reader.newestOfGrids(List.of("C-2"), List.of("G-1"), 10)).containsOnlyKeys("TK-2026-000101",
                "TK-2026-000103", "TK-2026-000104");
        assertThat(reader.newestOfGrids(List.of("C-2"), List.of("G-1"), 2)).containsOnlyKeys("TK-2026-000104",
                "TK-2026-000103");
    }

    @Test
    void aRatingLinkIsValidSevenDaysAndOnlyAsItsHash() {
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        ResidentLinks links = new ResidentLinks(jdbc, Clock.fixed(now, EngineClock.ZONE));
        String token = links.issue("TK-2026-000077");
        assertThat(token).hasSize(24);
        assertThat(jdbc.sql("SELECT token_hash FROM resident_rating WHERE business_key = 'TK-2026-000077'")
                .query(String.class).single()).hasSize(64).doesNotContain(token);
        assertThat(links.validUntil("TK-2026-000077")).contains(now.plus(ResidentLinks.VALID));
        assertThat(links.validUntil("TK-2026-000078")).isEmpty();
        assertThat(links.businessKey(token)).contains("TK-2026-000077");

        ResidentLinks later = new ResidentLinks(jdbc, Clock.fixed(now.plus(ResidentLinks.VALID).plusSeconds(1),
                EngineClock.ZONE));
        assertThat(later.validUntil("TK-2026-000077")).isEmpty();
        assertThat(later.businessKey(token)).isEmpty();
    }
}
