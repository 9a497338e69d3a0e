package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.support.Postgres;

/** The register 挂账台账 (table issue_shelf, V42) on PostgreSQL 17 (the other tests run on H2). Without the engine. */
class IssueShelfPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    private static IssueShelf shelf;

    @BeforeAll
    static void migrate() {
        DataSource db = postgres.newDatabase("shelf");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        shelf = new IssueShelf(JdbcClient.create(db), new WorkingCalendar(new JdbcTemplate(db)));
    }

    @Test
    void casesGoOnTheRegisterAreReviewedAndLeaveIt() {
        Instant shelved = Instant.parse("2026-03-02T02:00:00Z");
        shelf.put(new IssueShelf.Entry("JH-2026-000101", "p1", "C-DL-01", "A-DL-1", "S-DL", 1, "FUNDS", "缺资金",
                shelved, Instant.parse("2026-03-20T01:00:00Z")));
        shelf.put(new IssueShelf.Entry("JH-2026-000102", "p2", "C-XJ-01", "A-XJ-1", "S-XJ", 3, "POLICY", "待政策",
                shelved, Instant.parse("2026-03-10T01:00:00Z")));
        shelf.reviewed("JH-2026-000101", "仍缺资金", Instant.parse("2026-04-07T01:00:00Z"));
        shelf.leave("JH-2026-000102", ShelfState.ENDED, "无需再办", true);

        assertThat(shelf.register(null)).extracting(IssueShelf.Line::businessKey)
                .as("on the register first").containsExactly("JH-2026-000101", "JH-2026-000102");
        IssueShelf.Line open = shelf.register(Set.of("C-DL-01")).get(0);
        assertThat(open.reviews()).isEqualTo(1);
        assertThat(open.reviewAt()).isEqualTo(Instant.parse("2026-04-07T01:00:00Z"));
        assertThat(open.shelvedAt()).isEqualTo(shelved);
        assertThat(open.stateLabel()).isEqualTo("挂账中");
        IssueShelf.Line ended = shelf.register(Set.of("C-XJ-01")).get(0);
        assertThat(ended.outcome()).isEqualTo("ENDED");
        assertThat(ended.stateLabel()).isEqualTo("已终止办理");
        assertThat(ended.lastReviewNote()).isEqualTo("无需再办");
        assertThat(ended.leftAt()).isNotNull();
        assertThat(ended.reviewLabel()).as("no next review once it has left").isEmpty();
    }
}
