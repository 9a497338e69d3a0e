package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariDataSource;

import cn.lianban.support.IssueDriver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The whole application on a real PostgreSQL 17: a full case, a full ticket, and business keys under concurrent filing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=postgres-test")
@ActiveProfiles({"test", "postgres"})
@DirtiesContext
@org.junit.jupiter.api.Tag("own-engine")
class PostgresFullPathTest {

    /** The database is a bean, so Spring closes it after the engine that uses it. */
    @TestConfiguration
    static class EmbeddedDatabase {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws Exception {
            return EmbeddedPostgres.start();
        }

        @Bean
        @Primary
        DataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(12);
            return ds;
        }
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    IssueDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    cn.lianban.support.TicketDriver tickets;
    @Autowired
    cn.lianban.rates.TicketRates rates;
    @Autowired
    IssueSummaryBackfill backfill;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
    }

    @Test
    void theEngineTablesHaveTheProjectsIndexesAndPermissionStatistics() {
        // database/EngineIndexes: without the statistics a Tasklist page took seconds at city scale
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_task'", String.class))
                .contains("act_idx_task_parent", "act_idx_task_key_created");
        assertThat(jdbc.queryForList("SELECT pg_get_statisticsobjdef_expressions(oid)::text FROM pg_statistic_ext "
                + "WHERE stxname = 'act_stat_auth_perms'", String.class)).singleElement().asString()
                .contains("perms_ & 2", "perms_ & 64", "perms_ & 512", "perms_ & 4096");
    }

    @Test
    void autovacuumVisitsTheHistoryTablesTheNightTheirRowsAreCleanedUp() {
        // common/CleanedTablesAutovacuum: with PostgreSQL's 20 % a night's freed space waited some 70 nights for reuse
        List<String> cleaned = jdbc.queryForList("SELECT relname FROM pg_class WHERE relkind = 'r' AND (relname LIKE "
                + "'act\\_hi\\_%' OR relname = 'act_ge_bytearray') AND relnamespace = current_schema()::regnamespace",
                String.class);
        assertThat(cleaned).contains("act_hi_detail", "act_hi_varinst", "act_hi_actinst", "act_ge_bytearray")
                .hasSizeGreaterThan(15);
        // and the project's tables that a NightlyCleanup empties
        cleaned.addAll(List.of("ticket_case", "issue_summary", "case_event", "mail_outbox", "sms_outbox",
                "ticket_rate_month"));
        for (String table : cleaned) {
            assertThat(jdbc.queryForObject("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = ? "
                    + "AND relnamespace = current_schema()::regnamespace", String.class, table)).as(table)
                    .contains("autovacuum_vacuum_scale_factor=0.002", "autovacuum_vacuum_threshold=1000",
                            "vacuum_index_cleanup=on");
        }
        // the runtime tables keep PostgreSQL's own rule
        assertThat(jdbc.queryForObject("SELECT reloptions IS NULL FROM pg_class WHERE relname = 'act_ru_task' "
                + "AND relnamespace = current_schema()::regnamespace", Boolean.class)).isTrue();
    }

    @Test
    void aYellowCaseRunsFromFilingToClosure() {
        ProcessInstance pi = driver.walkYellowCaseToClosure();
        assertThat(pi).isEnded().hasPassed("scheduleMeeting", "inviteMeeting",
                "meet", "handle", "assist", "evaluate", "closeIssue");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("FILED", "ASSIGNED", "MEETING_CONVENED",
                "MEETING", "ASSISTED", "HANDLED", "EVALUATED", "CLOSED");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("MEETING_INVITATION"))
                .anyMatch(m -> m.startsWith("ASSIGNED")).anyMatch(m -> m.startsWith("CLOSED"));
    }

    @AfterEach
    void realTime() {
        driver.resetClock();
    }

    /**
     * Issue 13's supervision on PostgreSQL: not accepted in time → 督办签收 urges → the lead's claim is the 签收 →
     * one extension granted → handled and closed; then a ticket not solved twice is raised by the street into a
     * joint case (大事不出镇), linked both ways.
     */
    @Test
    void supervisionRunsOnPostgres() {
        driver.clockAt(LocalDateTime.of(2026, 11, 24, 10, 0));
        ProcessInstance pi = driver.housingCaseAtHandling();
        driver.fireTimer(pi, "acceptDeadline");
        assertThat(pi).isWaitingAt("handle", "supervise");
        driver.complete(pi, "supervise", "supervision", "URGE", "supervisionComment", "请今日签收");
        driver.claim(pi, "handle", "housing");
        driver.complete(pi, "handle", "extensionAsked", true, "extensionUntil", "2026-12-03", "extensionReason",
                "需协调管线单位施工");
        driver.complete(pi, "approveExtension", "extensionApproved", true, "extensionComment", "同意延期");
        assertThat(driver.variable(pi, "dueLabel")).isEqualTo("2026-12-03 18:00");
        driver.complete(pi, "handle", "result", "已维修", "resolved", true);
        driver.complete(pi, "evaluate", "satisfied", true, "satisfaction", 5L);
        assertThat(pi).isEnded();
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("ACCEPT_OVERDUE", "URGED", "LEAD_ACCEPTED",
                "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "HANDLED", "EVALUATED", "CLOSED");

        ProcessInstance ticket = tickets.raise();
        driver.complete(ticket, "accept", "accepted", true);
        for (String round : List.of("已劝离", "再次劝离")) {
            driver.complete(ticket, "resolve", "result", round);
            driver.complete(ticket, "confirm", "solved", false, "confirmNote", "摊贩又回来了");
        }
        driver.complete(ticket, "streetDecide", "streetDecision", "RAISE", "jointCategory", "ENVIRONMENT",
                "decisionNote", "反复回潮，提交联席汇办");
        assertThat(ticket).isEnded();
        String joint = jdbc.queryForObject("SELECT joint_case_key FROM ticket_case WHERE business_key = ?",
                String.class, ticket.getBusinessKey());
        assertThat(joint).startsWith("JH-");
        assertThat(driver.events(joint)).contains("FROM_TICKET");
    }

    /** Issue 14's attachments on PostgreSQL (BYTEA): limits, types by content, no GPS served, thumbnails, 404s, 附件数. */
    @Test
    void attachmentsWorkOnPostgres() throws Exception {
        new cn.lianban.cases.AttachmentChecks(rest, jdbc).all(tickets.raise().getBusinessKey(),
                driver.file().getBusinessKey());
    }

    @Test
    void aTicketRunsFromRaiseToClosureAndCountsInTheRates() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", true);
        driver.complete(pi, "rate", "satisfaction", 4);
        assertThat(pi).isEnded();
        var month = java.time.YearMonth.from(cn.lianban.common.EngineClock.now());
        var urban = rates.rates(month, cn.lianban.rates.TicketRates.By.DEPT).stream()
                .filter(r -> r.key().equals("urban")).findFirst().orElseThrow();
        assertThat(urban.dispatched()).isPositive();
        assertThat(urban.acceptedOnTime()).isPositive();
        assertThat(urban.satisfied()).isPositive();
    }

    @Test
    void theDashboardItsExportsAndTheSummaryBackfillWorkOnPostgres() throws Exception {
        ProcessInstance pi = driver.walkYellowCaseToClosure();
        var month = java.time.YearMonth.from(cn.lianban.common.EngineClock.now());
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM issue_summary WHERE business_key = ?",
                pi.getBusinessKey());
        assertThat(row).containsEntry("status", "CLOSED").containsEntry("color", "YELLOW");
        jdbc.update("DELETE FROM issue_summary WHERE business_key = ?", pi.getBusinessKey());
        assertThat(backfill.backfill()).isEqualTo(1);
        Map<String, Object> rebuilt = jdbc.queryForMap("SELECT * FROM issue_summary WHERE business_key = ?",
                pi.getBusinessKey());
        // with a running clock the history's start and end times are a few milliseconds off the delegates' own
        for (String time : List.of("filed_at", "closed_at")) {
            assertThat(((java.sql.Timestamp) rebuilt.remove(time)).getTime())
                    .isCloseTo(((java.sql.Timestamp) row.remove(time)).getTime(), org.assertj.core.data.Offset.offset(5000L));
        }
        assertThat(rebuilt).isEqualTo(row);
        long filed = jdbc.queryForObject("SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ?",
                Long.class, start(month), start(month.plusMonths(1)));
        for (String table : cn.lianban.dashboard.DashboardTables.TITLES.keySet()) {
            for (String format : List.of("csv", "xlsx")) {
                var answer = rest.withBasicAuth("center", "demo").getForEntity("/dashboard/export/" + table + "."
                        + format + "?month=" + month, byte[].class);
                assertThat(answer.getStatusCode().value()).as(table + "." + format).isEqualTo(200);
                assertThat(answer.getBody()).as(table + "." + format).isNotEmpty();
            }
        }
        List<String> report = new String(rest.withBasicAuth("center", "demo").getForObject(
                "/dashboard/export/report.csv?month=" + month, byte[].class), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        int column = List.of(report.get(0).split(",")).indexOf("提报案件");
        assertThat(report.get(report.size() - 1).split(",")[column]).isEqualTo(String.valueOf(filed));
        var page = rest.withBasicAuth("center", "demo").getForEntity("/dashboard?month=" + month, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("数据看板");
    }

    private static java.sql.Timestamp start(java.time.YearMonth month) {
        return java.sql.Timestamp.from(month.atDay(1).atStartOfDay(cn.lianban.common.EngineClock.ZONE).toInstant());
    }

    @Test
    void concurrentFilingsGetDistinctConsecutiveKeys() throws Exception {
        List<String> keys = driver.fileConcurrently(6, 5);
        assertThat(keys).hasSize(30).doesNotHaveDuplicates().allMatch(k -> k.matches("JH-\\d{4}-\\d{6}"));
        List<Integer> numbers = keys.stream().map(k -> Integer.parseInt(k.substring(8))).sorted().toList();
        assertThat(numbers.get(29) - numbers.get(0)).as("no gaps").isEqualTo(29);
    }
}
