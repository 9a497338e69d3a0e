package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.notify.ResidentLinks;
import cn.lianban.support.Postgres;

/**
 * Table issue_summary's case-page columns on PostgreSQL 17 (the other tests run on H2): V22 marks the rows written
 * before it for the backfill, and a row is inserted, updated and read back. Without Spring or the engine.
 */
class IssueCaseSqlPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        DataSource db = postgres.newDatabase("issues");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("21").load().migrate();
        jdbc = JdbcClient.create(db);
        jdbc.sql("INSERT INTO issue_summary(business_key, process_instance_id, community_code, status, filed_at) "
                + "VALUES ('JH-2026-000001', 'p1', 'C-1', 'HANDLING', ?)")
                .param(Timestamp.from(Instant.parse("2026-03-02T01:00:00Z"))).update();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void rowsWrittenBeforeV22WaitForTheBackfill() {
        assertThat(jdbc.sql("SELECT status FROM issue_summary WHERE business_key = 'JH-2026-000001'")
                .query(String.class).single()).isEqualTo(IssueSummaryBackfill.RESYNC);
        IssueCase old = new IssueCaseReader(jdbc).find("JH-2026-000001").orElseThrow();
        assertThat(old.coDepts()).isEmpty();
        assertThat(old.clockRunning()).isFalse();
    }

    @Test
    void aRowIsInsertedUpdatedAndReadBackAsWritten() {
        IssueSummary summary = new IssueSummary(jdbc);
        IssueCaseReader reader = new IssueCaseReader(jdbc);
        Instant filed = Instant.parse("2026-03-02T02:00:00Z");
        Instant meetingAt = Instant.parse("2026-03-03T01:00:00Z");
        Instant due = Instant.parse("2026-03-06T10:00:00Z");
        IssueCase meeting = new IssueCase("JH-2026-000002", "p2", " 楼道漏水 ", "3号楼楼道漏水", "C-1", "金沙东社区", "A-1",
                "S-1", "HOUSING", "YELLOW", 3, "MEETING", "联席会商", "housing", List.of(), "area:A-1", meetingAt,
                "东莱北片区党群服务中心（华山路1号）", filed, due, null, filed, due, true, 0, "3号楼2单元", 37.640123, 120.330456,
                "G-1", "金沙东社区第1网格", null, null, null, null);
        summary.save(meeting);
        assertThat(reader.find("JH-2026-000002")).contains(meeting);

        Instant later = filed.plusSeconds(3600);
        IssueCase closed = new IssueCase("JH-2026-000002", "p2", " 楼道漏水 ", "3号楼楼道漏水", "C-1", "金沙东社区", "A-1",
                "S-1", "HOUSING", null, null, "CLOSED", "已销号", "housing", List.of("urban", "water"), "dept:housing",
                meetingAt, "东莱北片区党群服务中心（华山路1号）", later, due, later, later, due, false, 1, "3号楼2单元", 37.640123,
                120.330456, "G-1", "金沙东社区第1网格", 3, null, null, IssueCase.RatedBy.PROXY);
        summary.save(closed);
        IssueCase read = reader.find("JH-2026-000002").orElseThrow();
        assertThat(read.filedAt()).as("set on insert only").isEqualTo(filed);
        assertThat(read.color()).as("kept while the case has none").isEqualTo("YELLOW");
        assertThat(read.level()).isEqualTo(3);
        assertThat(read.coDepts()).containsExactly("urban", "water");
        assertThat(read.closedAt()).isEqualTo(later);
        assertThat(read.clockRunning()).isFalse();
        assertThat(reader.handledBy("dept:housing")).containsExactly("p2");
        assertThat(reader.byKeys(List.of("JH-2026-000002", "JH-2026-000404"))).containsOnlyKeys("JH-2026-000002");
        assertThat(read.communitySatisfaction()).isEqualTo(3);
        assertThat(read.satisfactionBy()).isEqualTo(IssueCase.RatedBy.PROXY);
        assertThat(read.satisfaction()).as("the community's, 代评, while the resident has not rated").isEqualTo(3);

        // issue 14: the resident rates through the SMS link; a later write of the row keeps their score as the case's
        ResidentLinks links = new ResidentLinks(jdbc, Clock.fixed(later, EngineClock.ZONE));
        IdentityService identity = Mockito.mock(IdentityService.class);
        ResidentCaseRatings ratings = new ResidentCaseRatings(links, reader, jdbc, new CaseLog(jdbc, identity));
        String token = links.issue("JH-2026-000002");
        assertThat(ratings.invitation("JH-2026-000002")).isPresent();
        ratings.rate(token, 5, "  修得很快 ");
        summary.save(closed);
        IssueCase rated = reader.find("JH-2026-000002").orElseThrow();
        assertThat(rated.residentSatisfaction()).isEqualTo(5);
        assertThat(rated.residentComment()).isEqualTo("修得很快");
        assertThat(rated.satisfactionBy()).isEqualTo(IssueCase.RatedBy.RESIDENT);
        assertThat(rated.satisfaction()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT score FROM case_event WHERE business_key = 'JH-2026-000002' AND action = ?")
                .param(ResidentCaseRatings.RATED).query(Integer.class).single()).isEqualTo(5);
        assertThat(ratings.invitation("JH-2026-000002")).as("rated once").isEmpty();
        assertThat(links.businessKey(token)).as("used up").isEmpty();
    }
}
